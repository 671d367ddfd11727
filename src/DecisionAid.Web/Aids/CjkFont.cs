using System.Security.Cryptography;
using DecisionAid.Core.Readability;
using DecisionAid.Rendering.Pdf;
using DecisionAid.Rendering.Text;
using DecisionAid.Web.Library;

namespace DecisionAid.Web.Aids;

/// <summary>
/// Serves the CJK font subset (<see cref="WebFonts"/>) for the library's own words, made once at start-up, and the
/// small stylesheet that declares it for CJK characters only.
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
        var tag = Font is null ? "none" : Convert.ToHexStringLower(SHA256.HashData(Font))[..16];
        FontUrl = $"/assets/cjk.ttf?v={tag}";
        Stylesheet = Font is null ? "" :
            $"@font-face {{ font-family: \"DecisionAid CJK\"; src: url(\"{FontUrl}\") format(\"truetype\"); unicode-range: {WebFonts.UnicodeRange}; font-display: swap; }}\n";
        StylesheetUrl = $"{StylesheetPath}?v={tag}";
        Tag = $"\"{tag}\"";
    }

    public byte[]? Font { get; }
    public string FontUrl { get; }
    public string Stylesheet { get; }
    public string StylesheetUrl { get; }
    public string Tag { get; }

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
