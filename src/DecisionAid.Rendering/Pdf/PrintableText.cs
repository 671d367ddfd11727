namespace DecisionAid.Rendering.Pdf;

/// <summary>
/// Names that go on a signed record must print: a patient's, witness's or interpreter's name in Latin with accents,
/// Cyrillic, Greek, Arabic, Hebrew, Chinese, Japanese or Korean prints with the fonts shipped; anything else (emoji)
/// is refused where it is typed, naming the characters, rather than printing as an empty box.
/// </summary>
public static class PrintableText
{
    /// <summary>Why <paramref name="text"/> cannot be printed, or null when every character can.</summary>
    public static string? Problem(string? text, string what) =>
        text is null || PdfFonts.Unprintable(text) is not { Count: > 0 } bad
            ? null
            : $"{what} has characters that cannot be printed on the consent and handout ({string.Join(" ", bad)}): please use letters only";
}
