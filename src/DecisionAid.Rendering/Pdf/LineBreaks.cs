using System.Globalization;
using System.Text;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// Where a line may break: after the spaces that end a word, and before and after each character of a script
/// written without spaces (Chinese, Japanese kana, Korean syllables), except before closing punctuation.
/// </summary>
internal static class LineBreaks
{
    /// <summary>The text in unbreakable pieces, each with the spaces that follow it.</summary>
    public static IEnumerable<string> Pieces(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var piece = new StringBuilder();
        var afterSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var ideograph = IsIdeographic(rune);
            var closing = IsClosingPunctuation(rune);
            var startsNew = piece.Length > 0 && !closing && (afterSpace ? !Rune.IsWhiteSpace(rune) : ideograph || EndsWithIdeograph(piece));
            if (startsNew)
            {
                yield return piece.ToString();
                piece.Clear();
            }
            piece.Append(rune.ToString());
            afterSpace = Rune.IsWhiteSpace(rune);
        }
        if (piece.Length > 0) yield return piece.ToString();
    }

    private static bool EndsWithIdeograph(StringBuilder piece)
    {
        var last = piece[^1];
        if (char.IsLowSurrogate(last) && piece.Length > 1) return IsIdeographic(new Rune(piece[^2], last));
        return !char.IsSurrogate(last) && IsIdeographic(new Rune(last));
    }

    private static bool IsIdeographic(Rune rune) => rune.Value is
        (>= 0x2E80 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF00 and <= 0xFF60) or (>= 0x20000 and <= 0x3FFFF);

    /// <summary>A comma, full stop or closing bracket never starts a line: "好。" stays together.</summary>
    private static bool IsClosingPunctuation(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.ClosePunctuation or UnicodeCategory.FinalQuotePunctuation
        || rune.Value is '.' or ',' or ';' or ':' or '!' or '?' or 0x3001 or 0x3002 or 0xFF0C or 0xFF0E or 0xFF1A or 0xFF1B or 0xFF01 or 0xFF1F;
}
