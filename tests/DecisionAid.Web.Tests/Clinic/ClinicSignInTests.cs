using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DecisionAid.Web.Security;
using DecisionAid.Web.Tests.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DecisionAid.Web.Tests.Clinic;

/// <summary>Clinicians sign in with a password and a second factor; on both databases.</summary>
public partial class ClinicSignInTests
{
    private const string Password = "correct horse battery staple";

    private sealed record Clinic(SiteFactory Site, TestDatabase Database, HttpClient Browser, string Email) : IDisposable
    {
        public void Dispose()
        {
            Browser.Dispose();
            Site.Dispose();
            Database.Dispose();
        }
    }

    private static async Task<Clinic> NewClinic(string provider)
    {
        var database = TestDatabases.Create(provider);
        var site = new SiteFactory(settings: database.SiteSettings());
        var email = $"dr.{Guid.NewGuid():N}@example.org";
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
            var practice = new Practice { Id = Guid.NewGuid(), Slug = $"p{Guid.NewGuid():N}"[..20], Name = "North Clinic", CreatedAt = DateTime.UtcNow };
            db.Practices.Add(practice);
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Clinician>>();
            var result = await users.CreateAsync(new Clinician { UserName = email, Email = email, DisplayName = "Dr North", PracticeId = practice.Id }, Password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        // Secure (__Host-) cookies travel only over HTTPS, as in production.
        var browser = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        return new Clinic(site, database, browser, email);
    }

    private static Task<HttpResponseMessage> Post(HttpClient browser, string url, Dictionary<string, string> fields) =>
        SignedInClinic.PostFormAsync(browser, url, fields);

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_clinician_sets_up_an_authenticator_and_then_signs_in_with_password_and_code(string provider)
    {
        using var clinic = await NewClinic(provider);
        var browser = clinic.Browser;
        Assert.StartsWith("/clinic/sign-in", (await browser.GetAsync("/clinic/")).Headers.Location!.OriginalString, StringComparison.Ordinal);

        var signIn = await Post(browser, "/clinic/sign-in", new() { ["Email"] = clinic.Email, ["Password"] = Password });
        Assert.Equal("/clinic/authenticator", signIn.Headers.Location!.OriginalString);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-da-clinic=", StringComparison.Ordinal)
            && c.Contains("secure", StringComparison.OrdinalIgnoreCase) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        // Without a second factor, every other clinic page leads to setting one up.
        var home = await browser.GetAsync("/clinic/");
        Assert.True(home.StatusCode == HttpStatusCode.Redirect, $"{home.StatusCode}: {await home.Content.ReadAsStringAsync()}");
        Assert.Equal("/clinic/authenticator", home.Headers.Location!.OriginalString);

        var setup = await (await browser.GetAsync("/clinic/authenticator")).Content.ReadAsStringAsync();
        var key = KeyPattern().Match(setup).Groups[1].Value;
        Assert.Equal(32, key.Replace(" ", "", StringComparison.Ordinal).Length);
        var wrong = await Post(browser, "/clinic/authenticator", new() { ["Code"] = "000000" == Totp.Code(key) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var enabled = await Post(browser, "/clinic/authenticator", new() { ["Code"] = Totp.Code(key) });
        Assert.Equal("/clinic/", enabled.Headers.Location!.OriginalString);
        Assert.Contains("North Clinic", await (await browser.GetAsync("/clinic/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A new session: the password alone is not enough.
        using var second = clinic.Site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var password = await Post(second, "/clinic/sign-in", new() { ["Email"] = clinic.Email, ["Password"] = Password });
        Assert.Equal("/clinic/two-factor", password.Headers.Location!.OriginalString);
        Assert.StartsWith("/clinic/sign-in", (await second.GetAsync("/clinic/")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        var code = await Post(second, "/clinic/two-factor", new() { ["Code"] = Totp.Code(key) });
        Assert.Equal("/clinic/", code.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/clinic/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Five_wrong_passwords_lock_the_account_with_the_same_message_as_an_unknown_email(string provider)
    {
        using var clinic = await NewClinic(provider);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await Post(clinic.Browser, "/clinic/sign-in", new() { ["Email"] = clinic.Email, ["Password"] = "not the password at all" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        var locked = await Post(clinic.Browser, "/clinic/sign-in", new() { ["Email"] = clinic.Email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        var unknown = await Post(clinic.Browser, "/clinic/sign-in", new() { ["Email"] = "nobody@example.org", ["Password"] = Password });
        var lockedText = new HtmlParser().ParseDocument(await locked.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent;
        var unknownText = new HtmlParser().ParseDocument(await unknown.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent;
        Assert.Equal(unknownText, lockedText);
    }

    [Fact]
    public async Task Short_or_common_passwords_are_refused()
    {
        using var database = TestDatabases.Create(Storage.Sqlite);
        using var site = new SiteFactory(settings: database.SiteSettings());
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Clinician>>();
        var practice = Guid.NewGuid();
        Assert.True(CommonPasswords.IsCommon("passwordpassword"));
        var common = await users.CreateAsync(new Clinician { UserName = "a@example.org", Email = "a@example.org", DisplayName = "A", PracticeId = practice }, "passwordpassword");
        Assert.Contains(common.Errors, e => e.Code == "CommonPassword");
        var shortOne = await users.CreateAsync(new Clinician { UserName = "b@example.org", Email = "b@example.org", DisplayName = "B", PracticeId = practice }, "short pw");
        Assert.Contains(shortOne.Errors, e => e.Code == "PasswordTooShort");
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_address()
    {
        using var database = TestDatabases.Create(Storage.Sqlite);
        using var site = new SiteFactory(settings: database.SiteSettings());
        var browser = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@example.org", ["Password"] = "whatever it is" });
        for (var i = 0; i < 12; i++) statuses.Add((await browser.PostAsync("/clinic/sign-in", form)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(10, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/clinic/sign-in")).StatusCode); // the page itself stays open
    }

    [GeneratedRegex(@"<code class=""key"">([a-z0-9 ]+)</code>")]
    private static partial Regex KeyPattern();
}
