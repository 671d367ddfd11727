using DecisionAid.Cli;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Practices;

/// <summary>`pda add-clinician` adds a practice and a clinician on the site's database, before or after the site first ran.</summary>
public sealed class AddClinicianTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_practice_and_clinician_are_added_from_the_command_line_and_can_sign_in(string provider)
    {
        using var database = TestDatabases.Create(provider);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(PdaCommand.Ok, PdaCommand.Run(["add-clinician", "--practice", "Riverside Pain Clinic", "--slug", "riverside",
            "--email", "dr.lee@example.org", "--name", "Dr Lee", "--lead", .. database.CliArgs()], output, error));
        Assert.Contains("added the practice Riverside Pain Clinic (riverside)", output.ToString(), StringComparison.Ordinal);
        var password = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"one-time password \(shown once\): (\S+)").Groups[1].Value;
        Assert.NotEmpty(password);

        // The same email again is refused with Identity's reason; a bad slug with the rule.
        Assert.Equal(PdaCommand.BadUsage, PdaCommand.Run(["add-clinician", "--practice", "Riverside Pain Clinic", "--slug", "riverside",
            "--email", "dr.lee@example.org", "--name", "Dr Lee", .. database.CliArgs()], output, error));
        Assert.Contains("dr.lee@example.org", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(PdaCommand.BadUsage, PdaCommand.Run(["add-clinician", "--practice", "X", "--slug", "Not A Slug",
            "--email", "x@example.org", "--name", "X", .. database.CliArgs()], output, error));
        Assert.Contains("lowercase letters, digits and hyphens", error.ToString(), StringComparison.Ordinal);
        // Required options are named.
        Assert.Equal(PdaCommand.BadUsage, PdaCommand.Run(["add-clinician", "--slug", "riverside", .. database.CliArgs()], output, error));
        Assert.Contains("--email", error.ToString(), StringComparison.Ordinal);

        await using (var db = database.Open())
            Assert.True((await db.Users.SingleAsync(u => u.Email == "dr.lee@example.org", TestContext.Current.CancellationToken)).IsLead);
        using var site = new SiteFactory(settings: database.SiteSettings());
        var browser = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var signIn = await SignedInClinic.PostFormAsync(browser, "/clinic/sign-in", new Dictionary<string, string> { ["Email"] = "dr.lee@example.org", ["Password"] = password });
        Assert.Equal("/clinic/authenticator", signIn.Headers.Location!.OriginalString);
    }
}
