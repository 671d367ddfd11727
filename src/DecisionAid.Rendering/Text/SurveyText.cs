using DecisionAid.Core.Surveys;

namespace DecisionAid.Rendering.Text;

/// <summary>The post-visit survey's words, per language: one question per item and the labels of its 5-point scale.</summary>
public sealed record SurveyText
{
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string Start { get; init; }
    /// <summary>{0}: this question's number; {1}: how many there are.</summary>
    public required string Progress { get; init; }
    public required string Next { get; init; }
    public required string Skip { get; init; }
    public required string Back { get; init; }
    public required string ThankYou { get; init; }
    public required string ThankYouText { get; init; }
    public required string CloseThePage { get; init; }
    public required string Change { get; init; }
    public required string SkippedAnswer { get; init; }
    public required string LinkNotWorking { get; init; }
    public required string ChooseOne { get; init; }
    public required IReadOnlyDictionary<string, string> Questions { get; init; }
    public required IReadOnlyDictionary<SurveyScale, IReadOnlyList<string>> Scales { get; init; }

    public static SurveyText For(string language) => language == "es" ? Spanish : English;

    public string Label(SurveyItem item, string value)
    {
        ArgumentNullException.ThrowIfNull(item);
        return value == VisitSurvey.Skipped ? SkippedAnswer : Scales[item.Scale][int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) - 1];
    }

    public static SurveyText English { get; } = new()
    {
        Title = "About your visit",
        Intro = "Now that you have talked with the clinic, please answer a few short questions. There are 8 questions. You can skip any of them. Your answers help the clinic do better.",
        Start = "Start",
        Progress = "Question {0} of {1}",
        Next = "Next",
        Skip = "Skip this question",
        Back = "Back",
        ThankYou = "Thank you",
        ThankYouText = "Your answers are saved. Here is what you said. You can change an answer.",
        CloseThePage = "You can close this page now.",
        Change = "Change",
        SkippedAnswer = "Skipped",
        LinkNotWorking = "This link does not work. It may be too old. Please ask the clinic for a new one.",
        ChooseOne = "Choose one answer, or skip this question.",
        Questions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["procedure"] = "How well do you understand what the procedure involves?",
            ["benefits"] = "How well do you understand how the procedure may help you?",
            ["risks"] = "How well do you understand the risks of the procedure?",
            ["alternatives"] = "How well do you understand your other choices, instead of the procedure?",
            ["time"] = "I had enough time with the clinician.",
            ["listened"] = "The clinician listened to me carefully.",
            ["questions-answered"] = "The clinician answered my questions.",
            ["overall"] = "Overall, how happy are you with your talk about the procedure?",
        },
        Scales = new Dictionary<SurveyScale, IReadOnlyList<string>>
        {
            [SurveyScale.Understanding] = ["Not at all", "A little", "Somewhat", "Well", "Very well"],
            [SurveyScale.Agreement] = ["Strongly disagree", "Disagree", "Not sure", "Agree", "Strongly agree"],
            [SurveyScale.Satisfaction] = ["Very unhappy", "Unhappy", "Neither happy nor unhappy", "Happy", "Very happy"],
        },
    };

    public static SurveyText Spanish { get; } = new()
    {
        Title = "Sobre su consulta",
        Intro = "Ahora que habló con la clínica, conteste unas preguntas cortas. Son 8 preguntas. Puede saltar cualquiera. Sus respuestas ayudan a la clínica a mejorar.",
        Start = "Empezar",
        Progress = "Pregunta {0} de {1}",
        Next = "Siguiente",
        Skip = "Saltar esta pregunta",
        Back = "Atrás",
        ThankYou = "Gracias",
        ThankYouText = "Sus respuestas están guardadas. Esto es lo que dijo. Puede cambiar una respuesta.",
        CloseThePage = "Ya puede cerrar esta página.",
        Change = "Cambiar",
        SkippedAnswer = "Saltada",
        LinkNotWorking = "Este enlace no funciona. Puede ser muy viejo. Pida a la clínica uno nuevo.",
        ChooseOne = "Elija una respuesta, o salte esta pregunta.",
        Questions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["procedure"] = "¿Qué tan bien entiende en qué consiste el procedimiento?",
            ["benefits"] = "¿Qué tan bien entiende cómo le puede ayudar el procedimiento?",
            ["risks"] = "¿Qué tan bien entiende los riesgos del procedimiento?",
            ["alternatives"] = "¿Qué tan bien entiende sus otras opciones, en vez del procedimiento?",
            ["time"] = "Tuve tiempo suficiente con el médico.",
            ["listened"] = "El médico me escuchó con atención.",
            ["questions-answered"] = "El médico contestó mis preguntas.",
            ["overall"] = "En general, ¿qué tan contento está con la conversación sobre el procedimiento?",
        },
        Scales = new Dictionary<SurveyScale, IReadOnlyList<string>>
        {
            [SurveyScale.Understanding] = ["Nada", "Un poco", "Más o menos", "Bien", "Muy bien"],
            [SurveyScale.Agreement] = ["Muy en desacuerdo", "En desacuerdo", "No estoy seguro", "De acuerdo", "Muy de acuerdo"],
            [SurveyScale.Satisfaction] = ["Nada contento", "Poco contento", "Ni contento ni descontento", "Contento", "Muy contento"],
        },
    };
}
