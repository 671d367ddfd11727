using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;

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
            .Where(s => Languages.Get(language).Readability switch
            {
                ReadabilityRule.Inflesz => s.Score.Words >= options.SentenceMinimumWords && s.Score.Szigriszt < options.SpanishSentenceMinimum,
                ReadabilityRule.ChineseSentenceDensity => s.Score.Words > options.ChineseSentenceMaxCharacters,
                ReadabilityRule.SentenceLength => s.Score.Words > options.PlainSentenceMaxWords,
                _ => s.Score.Words >= options.SentenceMinimumWords && s.Score.FleschKincaidGrade > options.SentenceGradeLimit,
            })
            .Select(s => s.Text)];
    }
}
