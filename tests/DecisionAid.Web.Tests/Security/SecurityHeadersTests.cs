namespace DecisionAid.Web.Tests.Security;

public class SecurityHeadersTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/en/")]
    [InlineData("/en/aids/neurolysis")]
    [InlineData("/es/aids/neurolysis")]
    [InlineData("/en/aids/kneecap")]
    [InlineData("/healthz")]
    [InlineData("/css/site.css")]
    [InlineData("/js/read-aloud.js")]
    [InlineData("/assets/aid.css")]
    [InlineData("/content/neurolysis/art/step-1-guide.svg")]
    public async Task Every_response_carries_a_strict_policy(string url)
    {
        var response = await site.Factory.Client().GetAsync(url, TestContext.Current.CancellationToken);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_hold_no_inline_script_or_style_that_the_policy_would_block()
    {
        foreach (var url in new[] { "/en/", "/en/aids/neurolysis", "/es/aids/neurolysis", "/en/aids/kneecap" })
        {
            var response = await site.Factory.Client().GetAsync(url, TestContext.Current.CancellationToken);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            Assert.Empty(page.QuerySelectorAll("script:not([src])"));
            Assert.Empty(page.QuerySelectorAll("style, [style]"));
            Assert.DoesNotContain(page.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }
}
