using System.Net;
using AngleSharp.Html.Parser;
using DecisionAid.Core.Loading;

namespace DecisionAid.Web.Tests.Aids;

/// <summary>Each aid's standards dossier, linked from its sources, served for the current version and by a version's hash.</summary>
public class DossierTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly HttpClient _client = site.Factory.Client();
    private static readonly string Hash = ContentLibrary.Load(TestFolders.ShippedContent()).Find("neurolysis")!.ContentHash;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "How this guide meets the standards for decision guides", "No one paid for this guide.")]
    [InlineData("es", "Cómo cumple esta guía las normas de las guías para decidir", "Nadie pagó esta guía.")]
    public async Task The_aid_page_says_who_wrote_and_paid_for_it_and_links_its_dossier(string language, string link, string funding)
    {
        var html = await _client.GetStringAsync($"/{language}/aids/neurolysis", Cancel);
        var page = new HtmlParser().ParseDocument(html);
        var anchor = Assert.Single(page.QuerySelectorAll("a[href='/aids/neurolysis/dossier']"));
        Assert.Equal(link, anchor.TextContent.Trim());
        Assert.Contains(funding, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".decision h3"));
    }

    [Fact]
    public async Task The_dossier_is_the_current_versions_and_cached_by_its_hash()
    {
        var response = await _client.GetAsync("/aids/neurolysis/dossier", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        // Its own style block is allowed by hash; scripts and everything else stay refused.
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Matches("style-src 'sha256-[A-Za-z0-9+/=]{44}'", policy);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(Hash, page.QuerySelector("#content-hash")!.TextContent);
        Assert.Contains("0 fail", page.QuerySelector("#tally")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("tr#IPDAS-Q1"));

        using var again = new HttpRequestMessage(HttpMethod.Get, "/aids/neurolysis/dossier");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again, Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_consent_records_content_hash_finds_that_versions_dossier_for_good()
    {
        var response = await _client.GetAsync($"/aids/neurolysis/dossier?hash={Hash}", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Contains("immutable", response.Headers.CacheControl.ToString(), StringComparison.Ordinal);
        var pdf = await _client.GetAsync($"/aids/neurolysis/dossier.pdf?hash={Hash}", Cancel);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Contains(Hash[..12], DecisionAid.Testing.PdfText.Read(await pdf.Content.ReadAsByteArrayAsync(Cancel)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/aids/no-such-aid/dossier", HttpStatusCode.NotFound)]
    [InlineData("/aids/neurolysis/dossier?hash=0000000000000000000000000000000000000000000000000000000000000000", HttpStatusCode.NotFound)]
    [InlineData("/aids/neurolysis/dossier?hash=not-a-hash", HttpStatusCode.BadRequest)]
    [InlineData("/aids/neurolysis/dossier.pdf?hash=ABC", HttpStatusCode.BadRequest)]
    public async Task An_unknown_aid_or_version_is_refused(string url, HttpStatusCode expected)
    {
        var response = await _client.GetAsync(url, Cancel);
        Assert.Equal(expected, response.StatusCode);
    }
}
