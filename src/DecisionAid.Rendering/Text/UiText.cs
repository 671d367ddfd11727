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
    public required string WhereItIsDone { get; init; }
    public required string HowItMayHelp { get; init; }
    public required string WhatCanGoWrong { get; init; }
    public required string MainRisk { get; init; }
    public required string RisksForEveryone { get; init; }
    public required string OnlyWhenTreating { get; init; }
    public required string OnlyWithMethod { get; init; }
    public required string OnlyWhenTreatingWith { get; init; }
    /// <summary>Joins alternatives: " or ".</summary>
    public required string Or { get; init; }
    public required string MoreLikelyWhen { get; init; }
    public required string NoNumber { get; init; }
    public required string Serious { get; init; }
    public required string YourHealth { get; init; }
    public required string YourHealthIntro { get; init; }
    public required string OptionsSideBySide { get; init; }
    public required string OptionsTable { get; init; }
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
    public required string YourRisks { get; init; }
    public required string ChosenForYou { get; init; }
    public required string Where { get; init; }
    public required string Method { get; init; }
    public required string HigherForYou { get; init; }
    public required string OpenPacketTitle { get; init; }
    public required string OpenPacketIntro { get; init; }
    public required string BirthDate { get; init; }
    public required string OpenPacket { get; init; }
    public required string OpenPacketFailed { get; init; }
    /// <summary>The link rests after wrong dates of birth; {minutes} is how long.</summary>
    public required string OpenPacketResting { get; init; }
    /// <summary>The link ended (too many wrong dates, revoked or expired): only a new link helps.</summary>
    public required string OpenPacketEnded { get; init; }
    public required string SaveAnswer { get; init; }
    public required string AnswerSaved { get; init; }
    public required string NotSaved { get; init; }
    public required string RightAnswerWas { get; init; }
    public required string NotQuite { get; init; }
    public required string Correct { get; init; }
    public required string DownloadHandout { get; init; }
    public required string WhatMattersTitle { get; init; }
    public required string WhatMattersIntro { get; init; }
    public required IReadOnlyList<string> ImportanceScale { get; init; }
    public required string MyQuestionsTitle { get; init; }
    public required string MyQuestionsLabel { get; init; }
    public required string SureTitle { get; init; }
    public required IReadOnlyList<string> SureItems { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string SatisfactionTitle { get; init; }
    public required string SatisfactionQuestion { get; init; }
    public required IReadOnlyList<string> SatisfactionScale { get; init; }
    public required string SiteName { get; init; }
    public required string LanguageName { get; init; }
    public required string LanguageNav { get; init; }
    public required string GuidesTitle { get; init; }
    public required string GuidesIntro { get; init; }
    public required string SearchLabel { get; init; }
    public required string SearchButton { get; init; }
    public required string NoMatches { get; init; }
    public required string ShowAll { get; init; }
    public required string OnlyIn { get; init; }
    public required string NotInLanguage { get; init; }
    public required string ReadItIn { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string ErrorTitle { get; init; }
    public required string ErrorText { get; init; }
    public required string TooLargeTitle { get; init; }
    /// <summary>{size} and {limit} in MB.</summary>
    public required string TooLargeText { get; init; }
    public required string Listen { get; init; }
    public required string StopListening { get; init; }
    public required string PrintedFrom { get; init; }

    /// <summary>"1 in 1,000 people" said in this language, from the numbers.</summary>
    public string Chance(Frequency frequency) => $"{FrequencyPhrase.Format(frequency, Language)} {People}";

    /// <summary>The chance as a caption under an icon array: "1 in 1,000 people."</summary>
    public string ChanceCaption(Frequency frequency, string? unit = null) =>
        Label(unit is null ? Chance(frequency) : $"{FrequencyPhrase.Format(frequency, Language)} {unit}");

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
        WaysToTreat = "What ways are there to do it?",
        WhereItIsDone = "Where in the body can it be done?",
        HowItMayHelp = "How can it help?",
        WhatCanGoWrong = "What can go wrong?",
        MainRisk = "What is the main risk?",
        RisksForEveryone = "Risks for everyone.",
        OnlyWhenTreating = "Only for: {0}.",
        OnlyWithMethod = "Only with: {0}.",
        OnlyWhenTreatingWith = "Only for: {0}, with {1}.",
        Or = " or ",
        MoreLikelyWhen = "More likely when",
        NoNumber = "No reliable number is known.",
        Serious = "Serious",
        YourHealth = "Can your health change your risks?",
        YourHealthIntro = "Tell your care team if any of these is true for you.",
        OptionsSideBySide = "What are your options?",
        OptionsTable = "Your options side by side.",
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
        YourRisks = "What are your own risks?",
        ChosenForYou = "Your care team chose these for you:",
        Where = "Where",
        Method = "Way to treat it",
        HigherForYou = "Higher for you.",
        OpenPacketTitle = "Your guide from your care team",
        OpenPacketIntro = "To keep your guide private, please enter your date of birth.",
        BirthDate = "Date of birth",
        OpenPacket = "Open my guide",
        OpenPacketFailed = "We could not open a guide with this link and date of birth. Check the date and try again.",
        OpenPacketResting = "This link is resting after several wrong dates of birth. Please wait {minutes} minutes, then try again.",
        OpenPacketEnded = "This link no longer works. Please ask your care team for a new link.",
        SaveAnswer = "Save my answer",
        AnswerSaved = "Your answer is saved.",
        NotSaved = "Not saved yet: check your connection and press the button.",
        RightAnswerWas = "The right answer:",
        NotQuite = "Not quite.",
        Correct = "That is right.",
        DownloadHandout = "Download your guide to print (PDF)",
        WhatMattersTitle = "What matters most to you?",
        WhatMattersIntro = "How much does each of these matter to you? There are no right or wrong answers.",
        ImportanceScale = ["Not at all", "A little", "Some", "A lot", "Very much"],
        MyQuestionsTitle = "Your questions for your care team",
        MyQuestionsLabel = "Write any questions you want to ask at your visit.",
        SureTitle = "How sure do you feel?",
        // The SURE test (Légaré et al., Can Fam Physician 2010;56:e308-14): four yes/no items on decisional conflict.
        SureItems = ["Do you feel sure about the best choice for you?", "Do you know the benefits and risks of each option?",
            "Are you clear about which benefits and risks matter most to you?", "Do you have enough support and advice to make a choice?"],
        Yes = "Yes",
        No = "No",
        SatisfactionTitle = "What did you think of this guide?",
        SatisfactionQuestion = "How happy are you with this guide?",
        SatisfactionScale = ["Not at all", "A little", "Somewhat", "Mostly", "Very"],
        SiteName = "DecisionAid",
        LanguageName = "English",
        LanguageNav = "Language",
        GuidesTitle = "Guides to help you decide",
        GuidesIntro = "Each guide explains one treatment: how it is done, how it may help, what can go wrong, and your other choices.",
        SearchLabel = "Search the guides",
        SearchButton = "Search",
        NoMatches = "No guide matches \"{0}\".",
        ShowAll = "Show all guides",
        OnlyIn = "Only in: {0}.",
        NotInLanguage = "This guide is not in English yet.",
        ReadItIn = "You can read it in:",
        NotFoundTitle = "We cannot find this page",
        NotFoundText = "The page may have moved, or the link may have a typo.",
        ErrorTitle = "Something went wrong",
        ErrorText = "Please try again in a moment.",
        TooLargeTitle = "What you sent is too large",
        TooLargeText = "It is {size} MB; the limit is {limit} MB. Go back to the form: your browser keeps what you typed. Then choose a smaller file.",
        Listen = "Listen",
        StopListening = "Stop",
        PrintedFrom = "Printed from {0}. Checked on {1}.",
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
        WaysToTreat = "¿De qué formas se puede hacer?",
        WhereItIsDone = "¿En qué partes del cuerpo se puede hacer?",
        HowItMayHelp = "¿Cómo le puede ayudar?",
        WhatCanGoWrong = "¿Qué puede salir mal?",
        MainRisk = "¿Cuál es el riesgo principal?",
        RisksForEveryone = "Riesgos para todos.",
        OnlyWhenTreating = "Solo para: {0}.",
        OnlyWithMethod = "Solo con: {0}.",
        OnlyWhenTreatingWith = "Solo para: {0}, con {1}.",
        Or = " o ",
        MoreLikelyWhen = "Más probable cuando",
        NoNumber = "No se conoce una cifra confiable.",
        Serious = "Grave",
        YourHealth = "¿Puede su salud cambiar sus riesgos?",
        YourHealthIntro = "Dígale a su equipo de salud si algo de esto es cierto para usted.",
        OptionsSideBySide = "¿Cuáles son sus opciones?",
        OptionsTable = "Sus opciones lado a lado.",
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
        YourRisks = "¿Cuáles son sus propios riesgos?",
        ChosenForYou = "Su equipo de salud eligió esto para usted:",
        Where = "Dónde",
        Method = "Forma de tratarlo",
        HigherForYou = "Más alto para usted.",
        OpenPacketTitle = "Su guía de su equipo de salud",
        OpenPacketIntro = "Para que su guía sea privada, escriba su fecha de nacimiento.",
        BirthDate = "Fecha de nacimiento",
        OpenPacket = "Abrir mi guía",
        OpenPacketFailed = "No pudimos abrir una guía con este enlace y esta fecha de nacimiento. Revise la fecha y vuelva a intentarlo.",
        OpenPacketResting = "Este enlace está en pausa porque se escribió mal la fecha de nacimiento varias veces. Espere {minutes} minutos y vuelva a intentarlo.",
        OpenPacketEnded = "Este enlace ya no funciona. Pida un enlace nuevo a su equipo de salud.",
        SaveAnswer = "Guardar mi respuesta",
        AnswerSaved = "Su respuesta está guardada.",
        NotSaved = "Todavía no se guardó: revise su conexión y presione el botón.",
        RightAnswerWas = "La respuesta correcta:",
        NotQuite = "No del todo.",
        Correct = "Así es.",
        DownloadHandout = "Descargar su guía para imprimir (PDF)",
        WhatMattersTitle = "¿Qué es lo que más le importa?",
        WhatMattersIntro = "¿Cuánto le importa cada una de estas cosas? No hay respuestas buenas ni malas.",
        ImportanceScale = ["Nada", "Un poco", "Algo", "Mucho", "Muchísimo"],
        MyQuestionsTitle = "Sus preguntas para su equipo de salud",
        MyQuestionsLabel = "Escriba las preguntas que quiera hacer en su visita.",
        SureTitle = "¿Qué tan seguro se siente?",
        SureItems = ["¿Se siente seguro de cuál es la mejor opción para usted?", "¿Conoce los beneficios y los riesgos de cada opción?",
            "¿Tiene claro qué beneficios y riesgos le importan más?", "¿Tiene suficiente apoyo y consejo para elegir?"],
        Yes = "Sí",
        No = "No",
        SatisfactionTitle = "¿Qué le pareció esta guía?",
        SatisfactionQuestion = "¿Qué tan contento está con esta guía?",
        SatisfactionScale = ["Nada", "Un poco", "Algo", "Bastante", "Mucho"],
        SiteName = "DecisionAid",
        LanguageName = "Español",
        LanguageNav = "Idioma",
        GuidesTitle = "Guías para ayudarle a decidir",
        GuidesIntro = "Cada guía explica un tratamiento: cómo se hace, cómo le puede ayudar, qué puede salir mal y sus otras opciones.",
        SearchLabel = "Buscar en las guías",
        SearchButton = "Buscar",
        NoMatches = "Ninguna guía coincide con \"{0}\".",
        ShowAll = "Ver todas las guías",
        OnlyIn = "Solo en: {0}.",
        NotInLanguage = "Esta guía todavía no está en español.",
        ReadItIn = "Puede leerla en:",
        NotFoundTitle = "No encontramos esta página",
        NotFoundText = "Puede que la página se haya movido, o que el enlace tenga un error.",
        ErrorTitle = "Algo salió mal",
        ErrorText = "Por favor, inténtelo de nuevo en un momento.",
        TooLargeTitle = "Lo que envió es demasiado grande",
        TooLargeText = "Pesa {size} MB y el límite es {limit} MB. Vuelva al formulario: su navegador guarda lo que escribió. Luego elija un archivo más pequeño.",
        Listen = "Escuchar",
        StopListening = "Parar",
        PrintedFrom = "Impreso de {0}. Revisado el {1}.",
    };
}
