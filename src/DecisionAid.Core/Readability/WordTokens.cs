using System.Text.RegularExpressions;

namespace DecisionAid.Core.Readability;

/// <summary>Words of a sentence as readability formulas count them: runs of letters or digits, with inner hyphens, apostrophes, commas and dots.</summary>
public static partial class WordTokens
{
    public static IReadOnlyList<string> Of(string sentence) =>
        [.. Word().Matches(sentence).Select(m => m.Value)];

    // "1,000", "1.4", "e.g.", "x-ray", "don't", "44%", "38.0"
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[-'’.,/][\p{L}\p{N}]+)*%?\.?", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
