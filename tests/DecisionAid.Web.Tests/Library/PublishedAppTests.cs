using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Parser;

namespace DecisionAid.Web.Tests.Library;

/// <summary>
/// The published app (dotnet publish -c Release, run in Production) serves every page, stylesheet, script and
/// picture exactly as the app under test does. scripts/test.sh publishes once and names the folder in
/// DECISIONAID_PUBLISHED; without it the test publishes for itself.
/// </summary>
public sealed class PublishedAppTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly string[] Pages = ["/en/", "/es/", "/en/aids/neurolysis", "/es/aids/neurolysis", "/en/aids/kneecap", "/en/?q=nerve", "/healthz"];

    [Fact]
    public async Task The_published_app_serves_the_same_bytes_as_the_app_under_test()
    {
        var folder = PublishedApp.Folder;
        Assert.True(File.Exists(Path.Combine(folder, "DecisionAid.Web.dll")), $"no published app in {folder}");
        Assert.True(File.Exists(Path.Combine(folder, "content", "neurolysis", "aid.yaml")), "the content library ships with the published app");

        var (server, port) = PublishedApp.Start();
        using var _ = server;
        try
        {
            await Compare(port, server);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private async Task Compare(int port, Process server)
    {
        using var published = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await PublishedApp.WaitUntilUpAsync(published, server);
        var local = site.Factory.Client();

        var urls = new HashSet<string>(Pages);
        foreach (var page in Pages.Where(p => p.Contains("/aids/", StringComparison.Ordinal) || p.EndsWith('/')))
        {
            var response = await local.GetAsync(page, TestContext.Current.CancellationToken);
            var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            foreach (var url in doc.QuerySelectorAll("[src], link[href]").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!))
                urls.Add(url);
        }
        Assert.Contains(urls, u => u.EndsWith(".js", StringComparison.Ordinal) || u.Contains(".js?", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.Contains(".svg", StringComparison.Ordinal));
        foreach (var url in urls.Where(u => u != "/healthz"))
        {
            var expected = await local.GetAsync(url, TestContext.Current.CancellationToken);
            var actual = await published.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.Equal(expected.StatusCode, actual.StatusCode);
            Assert.Equal(expected.Content.Headers.ContentType?.ToString(), actual.Content.Headers.ContentType?.ToString());
            var expectedBytes = await expected.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            var actualBytes = await actual.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            if (expected.Content.Headers.ContentType?.MediaType == "text/html")
            {
                // Pages name their own address (the print footer); only the host differs.
                Assert.Equal(
                    System.Text.Encoding.UTF8.GetString(expectedBytes).Replace(local.BaseAddress!.GetLeftPart(UriPartial.Authority), "HOST", StringComparison.Ordinal),
                    System.Text.Encoding.UTF8.GetString(actualBytes).Replace(published.BaseAddress!.GetLeftPart(UriPartial.Authority), "HOST", StringComparison.Ordinal));
            }
            else
            {
                Assert.Equal(expectedBytes, actualBytes);
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await published.GetAsync("/healthz", TestContext.Current.CancellationToken)).StatusCode);
    }
}
