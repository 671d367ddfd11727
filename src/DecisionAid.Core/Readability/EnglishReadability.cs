namespace DecisionAid.Core.Readability;

/// <summary>Scores English text (light Markdown allowed) sentence by sentence.</summary>
public static class EnglishReadability
{
    public static IReadOnlyList<ScoredSentence> Sentences(string markdown) =>
        [.. MarkdownText.Blocks(markdown).SelectMany(SentenceSplitter.Split).Select(s => new ScoredSentence(s, ScoreSentence(s))).Where(s => s.Score.Words > 0)];

    public static ReadabilityScore Score(string markdown) =>
        Sentences(markdown).Aggregate(ReadabilityScore.Empty, (total, s) => total + s.Score);

    public static ReadabilityScore ScoreSentence(string sentence)
    {
        var words = WordTokens.Of(sentence);
        var syllables = 0;
        var poly = 0;
        foreach (var word in words)
        {
            var n = EnglishSyllables.Count(word);
            syllables += n;
            if (n >= 3) poly++;
        }
        return new ReadabilityScore(words.Count == 0 ? 0 : 1, words.Count, syllables, poly);
    }
}
