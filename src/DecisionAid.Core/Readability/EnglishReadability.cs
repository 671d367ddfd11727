namespace DecisionAid.Core.Readability;

/// <summary>Scores English text (light Markdown allowed) sentence by sentence.</summary>
public static class EnglishReadability
{
    public static IReadOnlyList<ScoredSentence> Sentences(string markdown) => TextReadability.Sentences(markdown, "en");

    public static ReadabilityScore Score(string markdown) => TextReadability.Score(markdown, "en");

    public static ReadabilityScore ScoreSentence(string sentence) => TextReadability.ScoreSentence(sentence, "en");
}
