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

    /// <summary>The chance as a caption under an icon array: "1 in 1,000 people."</summary>
    public string ChanceCaption(Frequency frequency) => Label(Chance(frequency));

    /// <summary>
    /// A label (a name, a step title) closed with a full stop, as a run-in head. Screen readers and read-aloud
    /// then pause after it, and text taken from the page keeps its sentences apart.
    /// </summary>
    public static string Label(string text) =>
        text.Length == 0 || text[^1] is '.' or '?' or '!' or ':' ? text : text + ".";

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
        InShort = "What should you know first?",
        WhatIsIt = "What is it?",
        HowItIsDone = "How is it done?",
        StepNumber = "Step {0}",
        WaysToTreat = "What ways are there to treat the nerve?",
        NervesTreated = "Which nerves can it treat?",
        HowItMayHelp = "How can it help?",
        WhatCanGoWrong = "What can go wrong?",
        MainRisk = "What is the main risk?",
        RisksForEveryone = "Risks for everyone.",
        OnlyWhenTreating = "Only when treating: {0}.",
        OnlyWithMethod = "Only with: {0}.",
        MoreLikelyWhen = "More likely when",
        NoNumber = "No reliable number is known.",
        Serious = "Serious",
        YourHealth = "Can your health change your risks?",
        YourHealthIntro = "Tell your care team if any of these is true for you.",
        OptionsSideBySide = "What are your options?",
        Option = "Option",
        WhatItInvolves = "What it involves",
        HowLongReliefLasts = "How long relief lasts",
        MainRisks = "Main risks",
        MoreAboutOptions = "What is each option like?",
        SeeTheGuide = "Read the guide about this",
        QuestionsToAsk = "What can you ask your care team?",
        CheckWhatYouKnow = "Can you answer these questions?",
        ShowTheAnswer = "Show the answer",
        RightAnswer = "Right answer:",
        Sources = "Where do these facts come from?",
        ReviewedOn = "Checked on {0} by {1}.",
        Version = "Version {0}",
        People = "people",
        DecisionAid = "A guide to help you decide.",
    };

    public static UiText Spanish { get; } = new()
    {
        Language = "es",
        Culture = CultureInfo.GetCultureInfo("es-US"),
        SkipToContent = "Ir al texto principal",
        InShort = "¿Qué debe saber primero?",
        WhatIsIt = "¿Qué es?",
        HowItIsDone = "¿Cómo se hace?",
        StepNumber = "Paso {0}",
        WaysToTreat = "¿De qué formas se puede tratar el nervio?",
        NervesTreated = "¿Qué nervios puede tratar?",
        HowItMayHelp = "¿Cómo le puede ayudar?",
        WhatCanGoWrong = "¿Qué puede salir mal?",
        MainRisk = "¿Cuál es el riesgo principal?",
        RisksForEveryone = "Riesgos para todos.",
        OnlyWhenTreating = "Solo al tratar: {0}.",
        OnlyWithMethod = "Solo con: {0}.",
        MoreLikelyWhen = "Más probable cuando",
        NoNumber = "No se conoce una cifra confiable.",
        Serious = "Grave",
        YourHealth = "¿Puede su salud cambiar sus riesgos?",
        YourHealthIntro = "Dígale a su equipo de salud si algo de esto es cierto para usted.",
        OptionsSideBySide = "¿Cuáles son sus opciones?",
        Option = "Opción",
        WhatItInvolves = "En qué consiste",
        HowLongReliefLasts = "Cuánto dura el alivio",
        MainRisks = "Riesgos principales",
        MoreAboutOptions = "¿Cómo es cada opción?",
        SeeTheGuide = "Lea la guía sobre esto",
        QuestionsToAsk = "¿Qué puede preguntar a su equipo de salud?",
        CheckWhatYouKnow = "¿Puede contestar estas preguntas?",
        ShowTheAnswer = "Ver la respuesta",
        RightAnswer = "Respuesta correcta:",
        Sources = "¿De dónde vienen estos datos?",
        ReviewedOn = "Revisado el {0} por {1}.",
        Version = "Versión {0}",
        People = "personas",
        DecisionAid = "Una guía para ayudarle a decidir.",
    };
}
