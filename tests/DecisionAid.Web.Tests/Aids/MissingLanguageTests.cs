using System.Net;
using AngleSharp.Html.Parser;

namespace DecisionAid.Web.Tests.Aids;

/// <summary>A library where the neurolysis aid is written only in English.</summary>
public sealed class EnglishOnlyLibrary : IDisposable
{
    public EnglishOnlyLibrary()
    {
        Root = TestFolders.NewTemp("pda-web-en");
        TestFolders.Copy(TestFolders.ShippedContent(), Root);
        File.Delete(Path.Combine(Root, "neurolysis", "es.yaml"));
        File.Delete(Path.Combine(Root, "neurolysis", "zh.yaml"));
        Factory = new SiteFactory(Root);
    }

    public string Root { get; }
    public SiteFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}

public class MissingLanguageTests(EnglishOnlyLibrary library) : IClassFixture<EnglishOnlyLibrary>
{
    [Fact]
    public async Task An_aid_not_written_in_the_language_says_so_and_links_to_the_languages_it_has()
    {
        var response = await library.Factory.Client().GetAsync("/es/aids/neurolysis", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("todavía no está en español", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/en/aids/neurolysis" && a.GetAttribute("lang") == "en");
        Assert.Equal("en", page.QuerySelector("h1")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_list_says_which_aids_are_only_in_another_language()
    {
        var html = await library.Factory.Client().GetStringAsync("/es/", TestContext.Current.CancellationToken);
        var page = new HtmlParser().ParseDocument(html);
        var entry = page.QuerySelectorAll(".aid-list li").Single(li => li.QuerySelector("a")!.GetAttribute("href") == "/es/aids/neurolysis");
        Assert.Equal("Solo en: English.", entry.QuerySelector(".only-in")!.TextContent);
        Assert.Equal("en", entry.QuerySelector("a")!.GetAttribute("lang"));
    }
}
