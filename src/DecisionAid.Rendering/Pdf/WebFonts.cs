using System.Text;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// The font the site offers for Chinese, Japanese and Korean characters: the shipped Droid Sans Fallback, cut down to
/// the characters the library's texts use, so a device without such a font (a bare Linux, some kiosks) still shows
/// them. Phones and computers with their own CJK font never download it: the stylesheet names theirs first.
/// </summary>
public static class WebFonts
{
    /// <summary>A TrueType subset holding every ideograph and full-width mark of <paramref name="texts"/>; null when they hold none.</summary>
    public static byte[]? CjkSubset(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var codepoints = new SortedSet<int>();
        foreach (var text in texts)
            foreach (var rune in text.EnumerateRunes())
                if (IsCjk(rune)) codepoints.Add(rune.Value);
        return codepoints.Count == 0 ? null : FontSubset.Create(PdfFonts.FallbackFontFile, codepoints);
    }

    /// <summary>The ranges the @font-face rule declares (unicode-range), so browsers fetch the font only for these.</summary>
    public const string UnicodeRange = "U+2E80-9FFF, U+AC00-D7AF, U+F900-FAFF, U+FF00-FFEF";

    private static bool IsCjk(Rune rune) => rune.Value is (>= 0x2E80 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF00 and <= 0xFFEF);
}
