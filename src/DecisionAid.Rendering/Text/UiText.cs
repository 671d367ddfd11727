using System.Globalization;
using DecisionAid.Core.Content;
using DecisionAid.Core.Numbers;

namespace DecisionAid.Rendering.Text;

/// <summary>The interface's own words, in every supported language. Content words live in the aids' files.</summary>
public sealed record UiText
{
    public required string Language { get; init; }
    public required CultureInfo Culture { get; init; }
    public required string SkipToContent { get; init; }
    public required string InShort { get; init; }
    public required string WhatIsIt { get; init; }
    public required string HowItIsDone { get; init; }
    public required string StepNumber { get; init; }
    public required string WaysToTreat { get; init; }
    public required string NervesTreated { get; init; }
    public required string HowItMayHelp { get; init; }
    public required string WhatCanGoWrong { get; init; }
    public required string MainRisk { get; init; }
    public required string RisksForEveryone { get; init; }
    public required string OnlyWhenTreating { get; init; }
    public required string OnlyWithMethod { get; init; }
    public required string MoreLikelyWhen { get; init; }
    public required string NoNumber { get; init; }
    public required string Serious { get; init; }
    public required string YourHealth { get; init; }
    public required string YourHealthIntro { get; init; }
    public required string OptionsSideBySide { get; init; }
    public required string Option { get; init; }
    public required string WhatItInvolves { get; init; }
    public required string HowLongReliefLasts { get; init; }
    public required string MainRisks { get; init; }
    public required string MoreAboutOptions { get; init; }
    public required string SeeTheGuide { get; init; }
    public required string QuestionsToAsk { get; init; }
    public required string CheckWhatYouKnow { get; init; }
    public required string ShowTheAnswer { get; init; }
    public required string RightAnswer { get; init; }
    public required string Sources { get; init; }
    public required string ReviewedOn { get; init; }
    public required string Version { get; init; }
    public required string People { get; init; }
    public required string DecisionAid { get; init; }

    /// <summary>"1 in 1,000 people" said in this language, from the numbers.</summary>
    public string Chance(Frequency frequency) => $"{FrequencyPhrase.Format(frequency, Language)} {People}";

    public string Date(DateOnly date) => date.ToString(Language == "es" ? "d 'de' MMMM 'de' yyyy" : "MMMM d, yyyy", Culture);

    public string Format(string template, params object[] values) => string.Format(Culture, template, values);

    public static UiText For(string language) => language switch
    {
        "es" => Spanish,
        _ => English,
    };

    public static UiText English { get; } = new()
    {
        Language = "en",
        Culture = CultureInfo.GetCultureInfo("en-US"),
        SkipToContent = "Skip to the main text",
        InShort = "In short",
        WhatIsIt = "What is it?",
        HowItIsDone = "How it is done",
        StepNumber = "Step {0}",
        WaysToTreat = "Ways to treat the nerve",
        NervesTreated = "Nerves it can treat",
        HowItMayHelp = "How it may help",
        WhatCanGoWrong = "What can go wrong",
        MainRisk = "The main risk",
        RisksForEveryone = "Risks for everyone",
        OnlyWhenTreating = "Only when treating: {0}",
        OnlyWithMethod = "Only with: {0}",
        MoreLikelyWhen = "More likely when",
        NoNumber = "No reliable number is known.",
        Serious = "Serious",
        YourHealth = "Your health can change your risks",
        YourHealthIntro = "Tell your care team if any of these is true for you.",
        OptionsSideBySide = "Your options side by side",
        Option = "Option",
        WhatItInvolves = "What it involves",
        HowLongReliefLasts = "How long relief lasts",
        MainRisks = "Main risks",
        MoreAboutOptions = "More about each option",
        SeeTheGuide = "Read the guide about this",
        QuestionsToAsk = "Questions to ask your care team",
        CheckWhatYouKnow = "Check what you know",
        ShowTheAnswer = "Show the answer",
        RightAnswer = "Right answer:",
        Sources = "Where these facts come from",
        ReviewedOn = "Checked on {0} by {1}.",
        Version = "Version {0}",
        People = "people",
        DecisionAid = "Decision aid",
    };

    public static UiText Spanish { get; } = new()
    {
        Language = "es",
        Culture = CultureInfo.GetCultureInfo("es-US"),
        SkipToContent = "Ir al texto principal",
        InShort = "En pocas palabras",
        WhatIsIt = "¿Qué es?",
        HowItIsDone = "Cómo se hace",
        StepNumber = "Paso {0}",
        WaysToTreat = "Formas de tratar el nervio",
        NervesTreated = "Nervios que puede tratar",
        HowItMayHelp = "Cómo le puede ayudar",
        WhatCanGoWrong = "Qué puede salir mal",
        MainRisk = "El riesgo principal",
        RisksForEveryone = "Riesgos para todos",
        OnlyWhenTreating = "Solo al tratar: {0}",
        OnlyWithMethod = "Solo con: {0}",
        MoreLikelyWhen = "Más probable cuando",
        NoNumber = "No se conoce una cifra confiable.",
        Serious = "Grave",
        YourHealth = "Su salud puede cambiar sus riesgos",
        YourHealthIntro = "Dígale a su equipo de salud si algo de esto es cierto para usted.",
        OptionsSideBySide = "Sus opciones lado a lado",
        Option = "Opción",
        WhatItInvolves = "En qué consiste",
        HowLongReliefLasts = "Cuánto dura el alivio",
        MainRisks = "Riesgos principales",
        MoreAboutOptions = "Más sobre cada opción",
        SeeTheGuide = "Lea la guía sobre esto",
        QuestionsToAsk = "Preguntas para su equipo de salud",
        CheckWhatYouKnow = "Compruebe lo que sabe",
        ShowTheAnswer = "Ver la respuesta",
        RightAnswer = "Respuesta correcta:",
        Sources = "De dónde vienen estos datos",
        ReviewedOn = "Revisado el {0} por {1}.",
        Version = "Versión {0}",
        People = "personas",
        DecisionAid = "Guía para decidir",
    };
}
