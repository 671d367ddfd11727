using System.Text.RegularExpressions;
using DecisionAid.Core.Content;

namespace DecisionAid.Core.Readability;

/// <summary>
/// Scores text in the language it is written in, by the language's rule (content/_site/languages.yaml): English and
/// Spanish count syllables by their own rules; Chinese counts characters; any other language counts words.
/// </summary>
public static partial class TextReadability
{
    public static bool Supports(string language) => Languages.IsSupported(language);

    public static IReadOnlyList<ScoredSentence> Sentences(string markdown, string language) =>
        [.. MarkdownText.Blocks(markdown).SelectMany(SentenceSplitter.Split).Select(s => new ScoredSentence(s, ScoreSentence(s, language))).Where(s => s.Score.Words > 0)];

    public static ReadabilityScore Score(string markdown, string language) =>
        Sentences(markdown, language).Aggregate(ReadabilityScore.Empty, (total, s) => total + s.Score);

    public static ReadabilityScore ScoreSentence(string sentence, string language)
    {
        var rule = Languages.Get(language).Readability;
        if (rule == ReadabilityRule.ChineseSentenceDensity)
        {
            // Chinese is counted in characters (each one syllable); digits and Latin letters are left out, as Wang et al. 2020 do.
            var characters = HanCharacter().Count(sentence);
            return new ReadabilityScore(characters == 0 ? 0 : 1, characters, characters, 0);
        }
        var words = WordTokens.Of(sentence);
        Func<string, int> syllables = rule switch
        {
            ReadabilityRule.Inflesz => SpanishSyllables.Count,
            ReadabilityRule.FleschKincaid => EnglishSyllables.Count,
            _ => _ => 1, // no syllable rules for this language: only words per sentence mean anything
        };
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

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\u3400-\u4DBF\uF900-\uFAFF]")]
    private static partial Regex HanCharacter();
}
