using DecisionAid.Core.Content;

namespace DecisionAid.Core.Readability;

/// <summary>Readability of one language of an aid: per sentence, per section and whole.</summary>
public sealed record AidReadability(
    string Language,
    ReadabilityScore Whole,
    IReadOnlyList<(string Section, ReadabilityScore Score)> Sections,
    IReadOnlyList<SentenceInText> Sentences)
{
    /// <summary>Scores an aid's words; null for a language that has no formula here yet.</summary>
    public static AidReadability? Measure(AidText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TextReadability.Supports(text.Language)) return null;
        var sentences = new List<SentenceInText>();
        foreach (var (section, located) in text.ReadingOrder())
            foreach (var sentence in TextReadability.Sentences(located.Value, text.Language))
                sentences.Add(new SentenceInText(section, located, sentence));
        var sections = sentences.GroupBy(s => s.Section)
            .Select(g => (g.Key, g.Aggregate(ReadabilityScore.Empty, (t, s) => t + s.Sentence.Score)))
            .ToList();
        var whole = sentences.Aggregate(ReadabilityScore.Empty, (t, s) => t + s.Sentence.Score);
        return new AidReadability(text.Language, whole, sections, sentences);
    }
}

/// <summary>A scored sentence and the text (with its file location) it stands in.</summary>
public sealed record SentenceInText(string Section, LocatedText Text, ScoredSentence Sentence);
