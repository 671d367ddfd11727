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

    [Fact]
    public async Task A_practice_and_clinician_are_added_from_the_command_line_and_can_sign_in()
    {
        var folder = PublishedApp.Folder;
        var data = TestFolders.NewTemp("pda-onboard");
        try
        {
            var add = new ProcessStartInfo("dotnet", ["DecisionAid.Web.dll", "add-clinician", "--practice", "Riverside Pain Clinic", "--slug", "riverside",
                "--email", "dr.lee@example.org", "--name", "Dr Lee"]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
            add.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            add.Environment["Storage__DataFolder"] = data;
            add.Environment["Consent__SealKey"] = SiteFactory.SealKey;
            using var process = Process.Start(add)!;
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, process.ExitCode);
            var password = System.Text.RegularExpressions.Regex.Match(output, @"one-time password \(shown once\): (\S+)").Groups[1].Value;
            Assert.NotEmpty(password);

            using var site = new SiteFactory(settings: new() { ["Storage:Provider"] = "Sqlite", ["Storage:DataFolder"] = data });
            var browser = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
            var signIn = await Clinic.SignedInClinic.PostFormAsync(browser, "/clinic/sign-in", new Dictionary<string, string> { ["Email"] = "dr.lee@example.org", ["Password"] = password });
            Assert.Equal("/clinic/authenticator", signIn.Headers.Location!.OriginalString);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
