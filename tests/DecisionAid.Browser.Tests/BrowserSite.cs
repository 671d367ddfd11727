using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using System.Text.RegularExpressions;

[assembly: AssemblyFixture(typeof(DecisionAid.Browser.Tests.BrowserSite))]

namespace DecisionAid.Browser.Tests;

/// <summary>
/// The real site on a real port (Kestrel) and one real headless Chromium (Debian's /usr/bin/chromium, never a
/// downloaded browser), shared by every browser test of the run.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private sealed class Factory : WebApplicationFactory<Program>
    {
        public string DataFolder { get; } = TestFolders.NewTemp("pda-browser-data");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:DataFolder", DataFolder);
            builder.UseSetting("Consent:SealKey", TestSealKey.Base64);
            // Every browser test signs in and opens links from 127.0.0.1: the per-address limit (tested on its own
            // in the web tests) would otherwise make them wait on each other.
            builder.UseSetting("RateLimits:AttemptsPerMinute", "1000");
        }
    }

    private readonly Factory _factory = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;
    public IServiceProvider Services => _factory.Services;
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>A fresh page (own cookies and storage) with the given viewport.</summary>
    public async Task<IPage> NewPage(int width = 1280, int height = 900, bool javaScript = true, bool touch = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            HasTouch = touch,
            IsMobile = touch,
            BaseURL = BaseUrl,
        });
        // Every wait is for a condition; this is only the ceiling. Two test hosts and Chromium on 2 cores can take
        // longer than Playwright's 30 s for one sign-in (seen once), which is slowness, not a failure.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new practice with its lead, who has set up an authenticator; returns what they sign in with.</summary>
    public async Task<(string Email, string Password, string AuthenticatorKey)> NewClinicianAsync(string practiceName)
    {
        var email = $"dr.{Guid.NewGuid():N}@example.org";
        const string password = "amber meadow violin copper";
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DecisionAid.Records.Data.DecisionAidDb>();
        var practice = new DecisionAid.Records.Data.Practice { Id = Guid.NewGuid(), Slug = $"k{Guid.NewGuid():N}"[..20], Name = practiceName, CreatedAt = DateTime.UtcNow };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<DecisionAid.Records.Data.Clinician>>();
        var clinician = new DecisionAid.Records.Data.Clinician { UserName = email, Email = email, DisplayName = $"Dr of {practiceName}", PracticeId = practice.Id, IsLead = true };
        var created = await users.CreateAsync(clinician, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.ResetAuthenticatorKeyAsync(clinician);
        var key = (await users.GetAuthenticatorKeyAsync(clinician))!;
        await users.SetTwoFactorEnabledAsync(clinician, true);
        return (email, password, key);
    }

    /// <summary>A desktop page of a clinician signed in with password and authenticator code, on the clinic's start page.</summary>
    public async Task<IPage> SignedInDeskAsync(string email, string password, string authenticatorKey, int width = 1280, int height = 900, bool touch = false)
    {
        var desk = await NewPage(width: width, height: height, touch: touch);
        await desk.GotoAsync("/clinic/sign-in");
        await desk.GetByLabel("Email").FillAsync(email);
        await desk.GetByLabel("Password").FillAsync(password);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await ArriveAsync(desk, "**/clinic/two-factor");
        await EnterAuthenticatorCodeAsync(desk, authenticatorKey);
        await ArriveAsync(desk, "**/clinic/");
        return desk;
    }

    /// <summary>
    /// Waits until the page is at <paramref name="url"/> and fully loaded (what WaitForURLAsync waits for by default).
    /// That waits for the load event after the URL matches, and under load it has missed an event that had already
    /// fired (90 s with the network idle): the URL is polled (<see cref="AtAsync"/>), then the document's readyState.
    /// </summary>
    public static async Task ArriveAsync(IPage page, string url)
    {
        await AtAsync(page, url);
        await LoadedAsync(page);
    }

    /// <summary>
    /// Waits until the page's address matches the glob <paramref name="url"/> (** any text, * any text but /), by
    /// polling the address. Not WaitForURLAsync: when the address already matches it waits for the load event, even
    /// when told to wait only for the commit, and it has missed that event under load.
    /// </summary>
    public static async Task AtAsync(IPage page, string url)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(url);
        var pattern = "^" + string.Join(".*", url.Split("**").Select(part => string.Join("[^/]*", part.Split('*').Select(Regex.Escape)))) + "$";
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(pattern), new() { Timeout = 90_000 });
    }

    /// <summary>Waits until the page has loaded, by its readyState (WaitForLoadStateAsync can miss an event already fired).</summary>
    public static async Task LoadedAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForFunctionAsync("document.readyState === 'complete'");
    }

    /// <summary>
    /// Types the authenticator's code and continues. A code lives 30 seconds (one step of drift allowed), and on a busy
    /// machine the round trip can outlast it: then the site refuses it and stays on the page, and a fresh code is typed,
    /// as a person would, at most three times, so the test waits for the signed-in page instead of racing the clock.
    /// </summary>
    public static async Task EnterAuthenticatorCodeAsync(IPage page, string key)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.GetByLabel("Code").FillAsync(Totp.Code(key));
            await SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
            if (new Uri(page.Url).AbsolutePath != "/clinic/two-factor" || attempt == 3) return;
        }
    }

    /// <summary>
    /// Clicks a button that posts its form and waits for the next page to load. Waiting for the load state alone can
    /// return at once, on the page being left, and the next step then acts on a page that is about to go away.
    /// </summary>
    public static async Task SubmitAsync(ILocator button)
    {
        var page = button.Page;
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage p) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await button.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    /// <summary>
    /// Headless Chromium has no voices: a stand-in speech engine that reports each sentence as spoken. It holds every
    /// sentence "speaking" until the test calls window.__release(), so a test sees the playing state, never a race with it.
    /// </summary>
    public const string StandInVoice = @"(() => {
        window.__spoken = [];
        window.__held = [];
        window.__hold = true;
        window.__release = () => { window.__hold = false; window.__held.splice(0).forEach(end => end()); };
        const engine = {
            getVoices: () => [{ lang: 'en-US', name: 'Test voice' }],
            addEventListener: () => {},
            cancel: () => {},
            speak: (u) => {
                window.__spoken.push(u.text);
                setTimeout(() => {
                    u.onstart && u.onstart();
                    const end = () => u.onend && u.onend();
                    if (window.__hold) window.__held.push(end); else setTimeout(end, 0);
                }, 0);
            },
        };
        Object.defineProperty(window, 'speechSynthesis', { value: engine });
    })()";

    /// <summary>
    /// Taps an answer of a form that saves itself and waits until that save is done (autosave.js marks the form
    /// data-state="saved" after the server answered and the page was updated), never for a time.
    /// </summary>
    public static async Task TapAndWaitSavedAsync(ILocator form, ILocator answer)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(answer);
        await answer.CheckAsync();
        await Assertions.Expect(form).ToHaveAttributeAsync("data-state", "saved");
    }

    /// <summary>Every axe violation on the page, one line each (empty when it passes).</summary>
    public static async Task<IReadOnlyList<string>> Axe(IPage page) =>
        [.. (await page.RunAxe()).Violations.Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];

    /// <summary>
    /// Waits until the fonts for the page's words are in, so a screenshot shows the words, not empty boxes. The Chinese
    /// font (on other pages, its small subset of the languages' names) is fetched only once a Chinese word (such as the
    /// language menu's "中文") is drawn, which can be after
    /// document.fonts.ready has already settled: so its load is asked for the page's own text first.
    /// </summary>
    public static Task FontsLoadedAsync(IPage page) => page.EvaluateAsync(
        "async () => { const family = /^(zh|ja|ko)/.test(document.documentElement.lang) ? 'DecisionAid CJK' : 'DecisionAid CJK Names';"
        + " await document.fonts.load(`16px \"${family}\"`, document.body.innerText); await document.fonts.ready; return true; }");

    /// <summary>Where screenshots for the README go.</summary>
    public static string Screenshot(string name)
    {
        var folder = Path.Combine(TestFolders.RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}
