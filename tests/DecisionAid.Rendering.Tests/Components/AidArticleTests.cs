using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DecisionAid.Core.Content;
using DecisionAid.Core.Loading;
using DecisionAid.Core.Readability;

namespace DecisionAid.Rendering.Tests.Components;

public class AidArticleTests
{
    private static readonly Aid Neurolysis = ContentLibrary.Load(TestFolders.ShippedContent()).Find("neurolysis")!;

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> Render(Aid aid, string language = "en")
    {
        await using var renderer = new AidRenderer();
        var html = await renderer.RenderStandaloneAsync(aid, language);
        return new HtmlParser().ParseDocument(html);
    }

    [Fact]
    public async Task The_rendered_file_makes_no_outside_requests()
    {
        var doc = await Render(Neurolysis);
        var cited = Neurolysis.Sources.Where(s => s.Url is not null).Select(s => s.Url!.AbsoluteUri).ToHashSet();
        foreach (var element in doc.QuerySelectorAll("[src]"))
            Assert.StartsWith("data:image/svg+xml;base64,", element.GetAttribute("src"), StringComparison.Ordinal);
        foreach (var link in doc.QuerySelectorAll("[href]").Select(e => e.GetAttribute("href")!))
            Assert.True(link.StartsWith('#') || cited.Contains(link), $"unexpected link {link}");
        Assert.Empty(doc.QuerySelectorAll("script, link, iframe, object"));
    }

    [Fact]
    public async Task The_rendered_text_reads_at_grade_six_or_lower()
    {
        var doc = await Render(Neurolysis);
        // Each block element is a unit of text, as a reader (or a readability tool given the page's text) meets it.
        var blocks = doc.QuerySelectorAll("h1, h2, h3, h4, p, li, dt, dd, th, td, figcaption, summary")
            .Where(e => e.QuerySelectorAll("p, li, dd, h3, h4, figcaption").Length == 0)
            .Select(e => e.TextContent.Trim())
            .Where(t => t.Length > 0);
        var score = blocks.Select(EnglishReadability.Score).Aggregate(ReadabilityScore.Empty, (a, b) => a + b);
        Assert.True(score.FleschKincaidGrade <= 6.0, $"rendered page reads at grade {score.FleschKincaidGrade:0.0}");
        // Worst case: all the page's text run together, as a tool that ignores the page's blocks would see it.
        var raw = EnglishReadability.Score(doc.Body!.TextContent);
        Assert.True(raw.FleschKincaidGrade <= 6.0, $"the page's text run together reads at grade {raw.FleschKincaidGrade:0.0}");
    }

    [Fact]
    public async Task Every_picture_has_alt_text_and_headings_go_in_order()
    {
        var doc = await Render(Neurolysis);
        Assert.All(doc.QuerySelectorAll("img"), img => Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt"))));
        Assert.Equal(3, doc.QuerySelectorAll(".steps img").Length);
        var levels = doc.QuerySelectorAll("h1, h2, h3, h4").Select(h => h.TagName[1] - '0').ToList();
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++) Assert.True(levels[i] <= levels[i - 1] + 1, $"heading level jumps from {levels[i - 1]} to {levels[i]}");
        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Risks_show_an_icon_array_and_the_chance_in_words()
    {
        var doc = await Render(Neurolysis);
        var bleeding = doc.QuerySelectorAll(".item").Single(i => i.TextContent.Contains("Bleeding", StringComparison.Ordinal) && i.QuerySelector("svg") is not null);
        Assert.Contains("1 in 1,000 people", bleeding.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("About 1 in 1,000 people have bleeding", bleeding.TextContent, StringComparison.Ordinal);
        Assert.Contains(doc.QuerySelectorAll(".options th[scope=row]"), th => th.TextContent == "No new treatment");
    }

    [Fact]
    public async Task Markdown_in_content_cannot_inject_script()
    {
        var hostile = Neurolysis with
        {
            Texts = new Dictionary<string, AidText>
            {
                ["en"] = Neurolysis.Texts["en"] with
                {
                    Summary = new LocatedText("Hello <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>", Neurolysis.Texts["en"].Summary.Location),
                },
            },
        };
        var doc = await Render(hostile);
        var summary = doc.QuerySelector("#summary")!;
        Assert.Empty(summary.QuerySelectorAll("script, img, [onerror]"));
        Assert.DoesNotContain(summary.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<script>", summary.TextContent, StringComparison.Ordinal); // shown as text, harmless
    }

    [Fact]
    public async Task The_page_carries_the_content_version_and_hash()
    {
        var doc = await Render(Neurolysis);
        var meta = doc.QuerySelector("meta[name=decisionaid-version]")!.GetAttribute("content")!;
        Assert.Matches(new Regex($"^neurolysis {Regex.Escape(Neurolysis.Version)} [0-9a-f]{{64}}$"), meta);
        Assert.Contains($"Version {Neurolysis.Version}", doc.QuerySelector(".reviewed")!.TextContent, StringComparison.Ordinal);
    }
}
