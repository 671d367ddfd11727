using AngleSharp.Html.Parser;
using DecisionAid.Web.Tests.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DecisionAid.Web.Tests.Clinic;

/// <summary>A site on a fresh database with practices whose clinicians are signed in (password and authenticator code).</summary>
public sealed class SignedInClinic : IDisposable
{
    public const string Password = "correct horse battery staple";
    private readonly List<HttpClient> _clients = [];

    private readonly Dictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    public SignedInClinic(string provider, Dictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        Database = TestDatabases.Create(provider);
        _settings = Database.SiteSettings();
        foreach (var (key, value) in settings ?? []) _settings[key] = value;
        Site = new SiteFactory(settings: _settings, services: _services);
    }

    public TestDatabase Database { get; }
    public SiteFactory Site { get; private set; }

    /// <summary>Stops the site and starts it again on the same database (e.g. after its content changed); earlier clients are gone with it.</summary>
    public void Restart()
    {
        Site.Dispose();
        Site = new SiteFactory(settings: _settings, services: _services);
    }

    /// <summary>A new practice with one clinician (a practice lead unless said otherwise), signed in; returns the clinician's browser and the practice id.</summary>
    public async Task<(HttpClient Browser, Guid Practice)> NewPracticeAsync(string name, bool lead = true)
    {
        Guid practiceId;
        using (var scope = Site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
            var practice = new Practice { Id = Guid.NewGuid(), Slug = $"p{Guid.NewGuid():N}"[..20], Name = name, CreatedAt = DateTime.UtcNow };
            practiceId = practice.Id;
            db.Practices.Add(practice);
            await db.SaveChangesAsync();
        }
        var (email, key) = await AddClinicianAsync(practiceId, $"Dr of {name}", lead);
        return (await SignInAsync(email, key), practiceId);
    }

    /// <summary>A clinician of the practice with an authenticator set up; returns their email and authenticator key.</summary>
    public async Task<(string Email, string Key)> AddClinicianAsync(Guid practiceId, string name, bool lead)
    {
        var email = $"dr.{Guid.NewGuid():N}@example.org";
        using var scope = Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Clinician>>();
        var clinician = new Clinician { UserName = email, Email = email, DisplayName = name, PracticeId = practiceId, IsLead = lead };
        var created = await users.CreateAsync(clinician, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.ResetAuthenticatorKeyAsync(clinician);
        var key = (await users.GetAuthenticatorKeyAsync(clinician))!;
        await users.SetTwoFactorEnabledAsync(clinician, true);
        return (email, key);
    }

    /// <summary>A new browser signed in as the clinician (password, then the authenticator's code: the next unused one unless given).</summary>
    public async Task<HttpClient> SignInAsync(string email, string key, string? code = null, string password = Password)
    {
        var browser = NewBrowser();
        Assert.Equal("/clinic/two-factor", (await PostFormAsync(browser, "/clinic/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password })).Headers.Location?.OriginalString);
        var second = await PostFormAsync(browser, "/clinic/two-factor", new Dictionary<string, string> { ["Code"] = code ?? Totp.Code(key) });
        Assert.True(second.StatusCode == System.Net.HttpStatusCode.Redirect, $"the code was refused: {second.StatusCode}");
        return browser;
    }

    /// <summary>A browser of its own (cookies), over HTTPS as in production; it does not follow redirects.</summary>
    public HttpClient NewBrowser()
    {
        var client = Site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        _clients.Add(client);
        return client;
    }

    /// <summary>Makes a packet through the clinician's form; returns the token of the patient's link, which the page shows once.</summary>
    public static async Task<string> CreatePacketAsync(HttpClient clinician, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var created = await PostFormAsync(clinician, "/clinic/packets/new", fields, "/clinic/packets/new?aid=neurolysis");
        Assert.True(created.StatusCode == System.Net.HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var link = new HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync()).QuerySelector("code.link")!.TextContent;
        return System.Text.RegularExpressions.Regex.Match(link, "/p/([A-Za-z0-9_-]+)$").Groups[1].Value;
    }

    /// <summary>Posts a form the way a browser does: reads the antiforgery token from the form page (by default the same URL) first.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var page = await browser.GetAsync(formPage ?? url);
        var token = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.NotNull(token);
        return await browser.PostAsync(url, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    public void Dispose()
    {
        foreach (var client in _clients) client.Dispose();
        Site.Dispose();
        Database.Dispose();
    }
}
