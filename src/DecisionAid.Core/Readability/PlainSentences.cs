using DecisionAid.Core.Checks;

namespace DecisionAid.Core.Readability;

/// <summary>
/// The checker's per-sentence rule for text written outside the content library (a practice's own advice): English
/// sentences above the grade limit, Spanish ones below the INFLESZ minimum, each counted from the same word minimum.
/// </summary>
public static class PlainSentences
{
    public static IReadOnlyList<string> TooHard(string text, string language, CheckOptions? options = null)
    {
        options ??= new CheckOptions();
        return [.. TextReadability.Sentences(text, language)
            .Where(s => s.Score.Words >= options.SentenceMinimumWords
                && (language == "es" ? s.Score.Szigriszt < options.SpanishSentenceMinimum : s.Score.FleschKincaidGrade > options.SentenceGradeLimit))
            .Select(s => s.Text)];
    }
}
