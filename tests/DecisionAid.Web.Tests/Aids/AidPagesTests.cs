using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;

namespace DecisionAid.Web.Tests.Aids;

public class AidPagesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.Factory.Client();

    private async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> Get(string url, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null) request.Headers.Add("Accept-Language", acceptLanguage);
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, new HtmlParser().ParseDocument(html));
    }

    [Theory]
    [InlineData("es-MX,es;q=0.9,en;q=0.8", "/es/")]
    [InlineData("en-US,en;q=0.9", "/en/")]
    [InlineData("fr-FR, es;q=0.5", "/es/")]
    [InlineData("de", "/en/")]
    [InlineData(null, "/en/")]
    public async Task The_root_sends_the_reader_to_their_language(string? acceptLanguage, string expected)
    {
        var (response, _) = await Get("/", acceptLanguage);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_list_shows_the_aids_and_searches_without_script()
    {
        var (response, page) = await Get("/en/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(page.QuerySelectorAll(".aid-list a"), a => a.GetAttribute("href") == "/en/aids/neurolysis");
        var (_, found) = await Get("/en/?q=destroys");
        Assert.Single(found.QuerySelectorAll(".aid-list li"));
        var (_, none) = await Get("/en/?q=kidney");
        Assert.Empty(none.QuerySelectorAll(".aid-list li"));
        Assert.Contains("No guide matches \"kidney\"", none.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/en/?q=neurolisis", "/en/aids/neurolysis")] // Spanish title, typed without its accent
    [InlineData("/en/?q=RODILLA", "/en/aids/neurolysis")] // a Spanish place name, any case
    [InlineData("/es/?q=knee", "/es/aids/neurolysis")] // an English word on the Spanish list
    [InlineData("/es/?q=neurolysis%20knee", "/es/aids/neurolysis")] // two words, each found
    [InlineData("/en/?q=%E7%A5%9E%E7%BB%8F", "/en/aids/neurolysis")] // 神经 (nerve), Chinese, no spaces
    public async Task The_search_finds_aids_by_the_words_a_patient_types_in_any_language(string url, string expected)
    {
        var (response, page) = await Get(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(page.QuerySelectorAll(".aid-list a"), a => a.GetAttribute("href") == expected);
    }

    [Fact]
    public async Task The_spanish_list_shows_the_aids_in_spanish()
    {
        var (response, page) = await Get("/es/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Guías para ayudarle a decidir", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".aid-list a"), a => a.TextContent == "Neurólisis" && a.GetAttribute("href") == "/es/aids/neurolysis");
        Assert.Contains(page.QuerySelectorAll(".aid-list a"), a => a.TextContent == "Bloqueo nervioso");
    }

    [Fact]
    public async Task Each_aid_links_to_the_other()
    {
        var (_, neurolysis) = await Get("/es/aids/neurolysis");
        Assert.Contains(neurolysis.QuerySelectorAll("#options a"), a => a.GetAttribute("href") == "/es/aids/nerve-block");
        var (_, block) = await Get("/en/aids/nerve-block");
        Assert.Contains(block.QuerySelectorAll("#options a"), a => a.GetAttribute("href") == "/en/aids/neurolysis");
    }

    [Fact]
    public async Task The_aid_page_shows_the_aid_in_its_language()
    {
        var (response, page) = await Get("/en/aids/neurolysis");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Neurolysis", page.QuerySelector("h1")!.TextContent);
        foreach (var id in new[] { "summary", "steps", "benefits", "risks", "options", "questions", "knowledge-check" })
            Assert.NotNull(page.GetElementById(id));
        Assert.Contains(page.QuerySelectorAll(".languages a"), a => a.GetAttribute("href") == "/es/aids/neurolysis");
        Assert.All(page.QuerySelectorAll("img"), img => Assert.StartsWith("/content/neurolysis/art/", img.GetAttribute("src"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/en/aids/kneecap", null, "en", "We cannot find this page")]
    [InlineData("/es/aids/kneecap", null, "es", "No encontramos esta página")]
    [InlineData("/fr/aids/neurolysis", "es", "es", "No encontramos esta página")]
    [InlineData("/nowhere", null, "en", "We cannot find this page")]
    public async Task Unknown_pages_answer_a_real_404_in_the_readers_language(string url, string? acceptLanguage, string lang, string heading)
    {
        var (response, page) = await Get(url, acceptLanguage);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_aid_page_has_an_etag_and_answers_304_when_unchanged()
    {
        var (response, _) = await Get("/en/aids/neurolysis");
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/en/aids/neurolysis");
        again.Headers.IfNoneMatch.Add(etag!);
        var second = await _client.SendAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Pictures_and_the_stylesheet_are_served_from_the_app()
    {
        var (_, page) = await Get("/en/aids/neurolysis");
        foreach (var src in page.QuerySelectorAll("img").Select(i => i.GetAttribute("src")!))
        {
            var picture = await _client.GetAsync(src, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
            Assert.Equal("image/svg+xml", picture.Content.Headers.ContentType!.MediaType);
        }
        foreach (var href in page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
                     .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)))
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(href, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/content/neurolysis/art/none.svg", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/content/neurolysis/aid.yaml", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_aid_page_makes_no_outside_requests_and_weighs_under_60_kb_compressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/en/aids/neurolysis");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Contains("br", response.Content.Headers.ContentEncoding);
        long total = (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length;

        var (_, page) = await Get("/en/aids/neurolysis");
        var cited = site.CitedUrls("neurolysis");
        var fetched = page.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")!)
            .Concat(page.QuerySelectorAll("link[href]").Select(e => e.GetAttribute("href")!)).ToList();
        Assert.All(fetched, url => Assert.StartsWith("/", url, StringComparison.Ordinal));
        Assert.All(page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!),
            href => Assert.True(href.StartsWith('/') || href.StartsWith('#') || cited.Contains(href), $"outside link {href}"));
        foreach (var url in fetched)
        {
            using var asset = new HttpRequestMessage(HttpMethod.Get, url);
            asset.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            total += (await (await _client.SendAsync(asset, TestContext.Current.CancellationToken)).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length;
        }
        Assert.True(total <= 60 * 1024, $"page with its pictures, styles and script: {total} bytes compressed");
    }

    [Fact]
    public async Task Health_answers_200_once_content_is_loaded()
    {
        var response = await _client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("ok: ", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
