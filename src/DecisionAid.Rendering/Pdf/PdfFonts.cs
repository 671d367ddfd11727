using System.Globalization;
using System.Reflection;
using System.Text;
using SkiaSharp;

namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// The fonts one PDF is drawn with, cut down to the characters it uses. DejaVu Sans (Latin with accents, Greek,
/// Cyrillic, Arabic, Hebrew) comes first; Droid Sans Fallback draws what DejaVu lacks (Chinese, Japanese, Korean).
/// Text is split into runs by the face that has each character, so nothing prints as an empty box. DejaVu's cut
/// always holds all of Latin-1 as well, so a patient's name rarely changes it: each cut is made once per process and
/// shared by the documents that need the same one.
/// </summary>
internal sealed class PdfFonts
{
    private static readonly byte[] RegularFile = Read("DejaVuSans.ttf");
    private static readonly byte[] BoldFile = Read("DejaVuSans-Bold.ttf");
    private static readonly byte[] FallbackFile = Read("DroidSansFallbackFull.ttf");
    internal static byte[] FallbackFontFile => FallbackFile;
    // Whole faces, only to ask which characters each one has.
    private static readonly SKFont RegularFull = new(SKTypeface.FromData(SKData.CreateCopy(RegularFile)));
    private static readonly SKFont FallbackFull = new(SKTypeface.FromData(SKData.CreateCopy(FallbackFile)));

    // Which shipped face draws a character (0: DejaVu, 1: the fallback, 2: none), asked of the fonts once per character.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte> Coverage = new();

    private readonly SKTypeface _regular, _bold, _fallback;

    // The cuts made so far, by font and characters; typefaces are immutable, so documents made at once share them.
    private static readonly KeptValues<string, SKTypeface> Cuts = new(200, StringComparer.Ordinal);
    private static readonly int[] Latin1 = [.. Enumerable.Range(0x20, 0x7F - 0x20), .. Enumerable.Range(0xA0, 0x100 - 0xA0)];

    private static byte FaceOf(int codepoint) => codepoint < 0x250 && codepoint >= 0x20
        ? (byte)0 // Latin with accents: DejaVu has every one
        : Coverage.GetOrAdd(codepoint, c => RegularFull.ContainsGlyph(c) ? (byte)0 : FallbackFull.ContainsGlyph(c) ? (byte)1 : (byte)2);

    private PdfFonts(SKTypeface regular, SKTypeface bold, SKTypeface fallback)
    {
        _regular = regular;
        _bold = bold;
        _fallback = fallback;
    }

    /// <summary>Faces holding <paramref name="text"/>'s characters, all of Latin-1 and the marks of page furniture.</summary>
    public static PdfFonts For(IEnumerable<string> text)
    {
        // Latin-1 holds the digits and marks of page furniture too, all but its dash.
        var codepoints = new HashSet<int>(Latin1) { '–' };
        foreach (var piece in text)
            foreach (var rune in piece.EnumerateRunes()) codepoints.Add(rune.Value);
        var primary = codepoints.Where(c => FaceOf(c) == 0).ToList();
        var other = codepoints.Where(c => FaceOf(c) == 1).ToList();
        // Spaces and marks inside a Chinese run are drawn with the fallback face too (Runs), so it needs them as well.
        if (other.Count > 0) other.AddRange(codepoints.Where(c => FaceOf(c) != 1 && StaysInRun(c) && FallbackFull.ContainsGlyph(c)));
        // The 4 MB fallback font is cut only when the document needs it (a Chinese name or text).
        var regular = Subset("regular", RegularFile, primary);
        return new PdfFonts(regular, Subset("bold", BoldFile, primary), other.Count > 0 ? Subset("fallback", FallbackFile, other) : regular);
    }

    /// <summary>The characters of <paramref name="text"/> that no font shipped with the app draws (emoji, rare scripts), each once.</summary>
    public static IReadOnlyList<string> Unprintable(string text) =>
        [.. text.EnumerateRunes()
            .Where(r => !Rune.IsControl(r) && !Rune.IsWhiteSpace(r) && FaceOf(r.Value) == 2)
            .Select(r => r.ToString()).Distinct(StringComparer.Ordinal)];

    /// <summary>The text split into runs, each with the face that draws it and whether it needs shaping (joined or right-to-left scripts).</summary>
    public IEnumerable<(string Text, SKTypeface Face, bool Complex)> Runs(string text, bool bold)
    {
        var primary = bold ? _bold : _regular;
        var run = new StringBuilder();
        SKTypeface? face = null;
        var complex = false;
        foreach (var rune in text.EnumerateRunes())
        {
            // Spaces and marks stay with the run they are in, so a name in one script is shaped as one piece.
            // ...but only where that face draws it: "”。" after Chinese goes back to the fallback for the full stop.
            var runeFace = face is not null && StaysInRun(rune.Value) && (face == _fallback ? FallbackFull.ContainsGlyph(rune.Value) : FaceOf(rune.Value) == 0) ? face
                : FaceOf(rune.Value) == 1 ? _fallback : primary;
            if (face is not null && runeFace != face)
            {
                yield return (run.ToString(), face, complex);
                run.Clear();
                complex = false;
            }
            face = runeFace;
            complex |= NeedsShaping(rune);
            run.Append(rune.ToString());
        }
        if (face is not null) yield return (run.ToString(), face, complex);
    }

    private static bool StaysInRun(int codepoint) => Rune.IsValid(codepoint) && (Rune.IsWhiteSpace(new Rune(codepoint)) || Rune.IsPunctuation(new Rune(codepoint)));

    /// <summary>Scripts whose letters change shape or order with their neighbours: Hebrew, Arabic and the scripts of South Asia.</summary>
    private static bool NeedsShaping(Rune rune) => rune.Value is (>= 0x0590 and <= 0x0DFF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF);

    private static SKTypeface Subset(string face, byte[] file, IReadOnlyCollection<int> codepoints)
    {
        return Cuts.GetOrMake($"{face}:{string.Join(',', codepoints.Order())}", _ =>
            SKTypeface.FromData(SKData.CreateCopy(FontSubset.Create(file, codepoints) ?? file)) ?? throw new InvalidOperationException("a font subset could not be read"));
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"DecisionAid.Rendering.Fonts.{name}")
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"the font {name} is not embedded"));
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
