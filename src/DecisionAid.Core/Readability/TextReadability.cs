namespace DecisionAid.Core.Readability;

/// <summary>Scores text in the language it is written in: English and Spanish count syllables by their own rules.</summary>
public static class TextReadability
{
    public static bool Supports(string language) => language is "en" or "es";

    public static IReadOnlyList<ScoredSentence> Sentences(string markdown, string language) =>
        [.. MarkdownText.Blocks(markdown).SelectMany(SentenceSplitter.Split).Select(s => new ScoredSentence(s, ScoreSentence(s, language))).Where(s => s.Score.Words > 0)];

    public static ReadabilityScore Score(string markdown, string language) =>
        Sentences(markdown, language).Aggregate(ReadabilityScore.Empty, (total, s) => total + s.Score);

    public static ReadabilityScore ScoreSentence(string sentence, string language)
    {
        Func<string, int> syllables = language == "es" ? SpanishSyllables.Count : EnglishSyllables.Count;
        var words = WordTokens.Of(sentence);
        var total = 0;
        var poly = 0;
        foreach (var word in words)
        {
            var n = syllables(word);
            total += n;
            if (n >= 3) poly++;
        }
        return new ReadabilityScore(words.Count == 0 ? 0 : 1, words.Count, total, poly);
    }
}
