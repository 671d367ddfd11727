using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DecisionAid.Web.Tests.Library;

/// <summary>
/// The published app (dotnet publish -c Release) as its own process in Production. scripts/test.sh publishes once and
/// names the folder in DECISIONAID_PUBLISHED; without it the first test to ask publishes for itself.
/// </summary>
public static class PublishedApp
{
    private static readonly Lazy<string> Published = new(() =>
        Environment.GetEnvironmentVariable("DECISIONAID_PUBLISHED") is { Length: > 0 } given ? given : Publish());

    public static string Folder => Published.Value;

    /// <summary>Starts the app on a free port with the given settings (as environment variables) and the tests' seal key.</summary>
    public static (Process Process, int Port) Start(IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", ["DecisionAid.Web.dll"])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Consent__SealKey"] = SiteFactory.SealKey;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, port);
    }

    public static async Task WaitUntilUpAsync(HttpClient client, Process server)
    {
        for (var i = 0; i < 240; i++)
        {
            Assert.False(server.HasExited, "the published app exited at start");
            try
            {
                if ((await client.GetAsync("/healthz", TestContext.Current.CancellationToken)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(125, TestContext.Current.CancellationToken);
        }
        Assert.Fail("the published app did not answer /healthz within 30 seconds");
    }

    private static string Publish()
    {
        var output = TestFolders.NewTemp("pda-publish");
        var project = Path.Combine(TestFolders.RepositoryRoot(), "src", "DecisionAid.Web");
        using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = publish.StandardOutput.ReadToEnd() + publish.StandardError.ReadToEnd();
        publish.WaitForExit();
        Assert.True(publish.ExitCode == 0, log);
        return output;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
