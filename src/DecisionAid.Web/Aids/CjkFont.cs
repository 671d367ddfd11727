using System.Security.Cryptography;
using DecisionAid.Core.Readability;
using DecisionAid.Rendering.Pdf;
using DecisionAid.Rendering.Text;
using DecisionAid.Web.Library;

namespace DecisionAid.Web.Aids;

/// <summary>
/// Serves the CJK font subsets (<see cref="WebFonts"/>), made once at start-up, and the small stylesheet that declares
/// them for CJK characters only: "DecisionAid CJK" holds the library's own words, for pages in Chinese; "DecisionAid CJK
/// Names" holds only the languages' own names, for the language links of every other page (a few kilobytes, where the
/// whole subset would hold up a slow phone's first paint).
/// </summary>
public sealed class CjkFont
{
    public const string StylesheetPath = "/assets/fonts.css";

    public CjkFont(AidLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var texts = library.Aids.SelectMany(a => a.Texts.Values).SelectMany(t => t.ReadingOrder().Select(r => r.Text.Value))
            .Concat(library.Content.Languages.SelectMany(SiteWords));
        Font = WebFonts.CjkSubset(texts);
        NamesFont = WebFonts.CjkSubset(library.Content.Languages.Select(l => SiteTexts.For(l).Language.Name));
        var tag = Font is null ? "none" : Convert.ToHexStringLower(SHA256.HashData([.. Font, .. NamesFont ?? []]))[..16];
        FontUrl = $"/assets/cjk.ttf?v={tag}";
        NamesFontUrl = $"/assets/cjk-names.ttf?v={tag}";
        Stylesheet = (Font is null ? "" : FontFace("DecisionAid CJK", FontUrl)) + (NamesFont is null ? "" : FontFace("DecisionAid CJK Names", NamesFontUrl));
        StylesheetUrl = $"{StylesheetPath}?v={tag}";
        Tag = $"\"{tag}\"";
    }

    public byte[]? Font { get; }
    public string FontUrl { get; }
    public byte[]? NamesFont { get; }
    public string NamesFontUrl { get; }
    public string Stylesheet { get; }
    public string StylesheetUrl { get; }
    public string Tag { get; }

    private static string FontFace(string family, string url) =>
        $"@font-face {{ font-family: \"{family}\"; src: url(\"{url}\") format(\"truetype\"); unicode-range: {WebFonts.UnicodeRange}; font-display: swap; }}\n";

    private static IEnumerable<string> SiteWords(string language)
    {
        var site = SiteTexts.For(language);
        return new object[] { site.Ui, site.Consent, site.Survey, site.Tablet, site.Aftercare }
            .SelectMany(o => o.GetType().GetProperties().Select(p => p.GetValue(o)))
            .SelectMany(v => v switch
            {
                string s => [s],
                IEnumerable<string> list => list,
                IReadOnlyDictionary<string, string> d => d.Values,
                System.Collections.IDictionary d => d.Values.OfType<IEnumerable<string>>().SelectMany(l => l),
                _ => [],
            })
            .Append(site.Language.Name);
    }
}
