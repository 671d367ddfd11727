namespace DecisionAid.Web.Tests.Data;

/// <summary>Issue 17 item 12: a new site on a new database starts without warnings, so a warning means a real problem.</summary>
public sealed class StartUpWarningsTests
{
    [Fact]
    public async Task A_new_site_on_a_new_SQLite_database_starts_and_serves_without_a_warning()
    {
        using var site = new SiteFactory();
        using var client = site.Client();
        using var response = await client.GetAsync("/en/", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        // Migrations ran (a fresh file), the aids were published, the Data Protection keys were made.
        Assert.Contains(site.Logs, line => line.Contains("Published neurolysis", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Logs, line => line.StartsWith("Warning", StringComparison.Ordinal)
            || line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
    }
}
