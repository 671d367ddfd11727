using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DecisionAid.Core.Loading;
using DecisionAid.Rendering.Pdf;

namespace DecisionAid.Rendering.Tests.Document;

/// <summary>The page's main text and the handout PDF's text of every aid and language, held to approved files.</summary>
public partial class ApprovedOutputTests
{
    private static readonly ContentLibrary Library = ContentLibrary.Load(TestFolders.ShippedContent());

    public static TheoryData<string, string> AidsAndLanguages() => PaperParityTests.AidsAndLanguages();

    [Theory]
    [MemberData(nameof(AidsAndLanguages))]
    public async Task The_aid_pages_text_is_as_approved(string aidId, string language)
    {
        await using var renderer = new AidRenderer();
        var html = await renderer.RenderStandaloneAsync(Library.Find(aidId)!, language);
        var document = new HtmlParser().ParseDocument(html);
        foreach (var hidden in document.QuerySelectorAll("svg, style").ToList()) hidden.Remove();
        // One line per block a reader meets, in page order, with its tag so structure changes show too.
        var lines = document.QuerySelectorAll("h1, h2, h3, h4, p, li, dt, dd, th, td, figcaption, caption, summary")
            .Where(e => e.QuerySelectorAll("p, li, dt, dd, h3, h4, figcaption, ul, ol").Length == 0)
            .Select(e => $"{e.LocalName}: {Spaces().Replace(e.TextContent, " ").Trim()}")
            .Where(l => !l.EndsWith(": ", StringComparison.Ordinal));
        Approved.Verify($"page.{aidId}.{language}", string.Join("\n", lines));
    }

    [Theory]
    [MemberData(nameof(AidsAndLanguages))]
    public void The_handout_pdfs_text_is_as_approved(string aidId, string language)
    {
        var text = PdfText.Read(HandoutPdf.Render(Library.Find(aidId)!, language));
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0);
        Approved.Verify($"handout.{aidId}.{language}", string.Join("\n", lines));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
