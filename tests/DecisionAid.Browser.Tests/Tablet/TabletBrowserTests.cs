using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DecisionAid.Browser.Tests.Tablet;

/// <summary>
/// The waiting-room tablet in real Chromium on a tablet viewport: the back button, reload and the address bar never
/// reach a clinic page; after the idle time the next person sees nothing of the last patient, in the page, its
/// history or its storage; the answers are saved; only the clinician's password brings the clinic back.
/// </summary>
public class TabletBrowserTests(BrowserSite site)
{
    private const string Patient = "Tomasa Tablet";

    private async Task<T> Db<T>(Func<DecisionAid.Records.Data.DecisionAidDb, Task<T>> read)
    {
        using var scope = site.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<DecisionAid.Records.Data.DecisionAidDb>());
    }

    /// <summary>
    /// The back button. An entry that was a form's answer (the clinician's "Create packet") is not sent again: Chromium
    /// shows its own "confirm resubmission" error page, with nothing of the site, and were it confirmed the post would
    /// meet the locked tablet.
    /// </summary>
    private static async Task BackAsync(IPage tablet)
    {
        try
        {
            await tablet.GoBackAsync();
        }
        catch (PlaywrightException e) when (e.Message.Contains("ERR_CACHE_MISS", StringComparison.Ordinal))
        {
        }
        await BrowserSite.LoadedAsync(tablet);
    }

    /// <summary>No clinic page on the screen, whatever the address.</summary>
    private static async Task AssertNoClinicPage(IPage tablet)
    {
        var text = await tablet.Locator("body").InnerTextAsync();
        foreach (var clinic in new[] { "Revoke the packet", "Packet ready for", "Hand to patient", "Your packets", "Sign in" })
            Assert.DoesNotContain(clinic, text, StringComparison.Ordinal);
    }

    /// <summary>Nothing of the patient (and no clinic page) on the screen, whatever the address.</summary>
    private static async Task AssertNothingOfThePatient(IPage tablet)
    {
        var text = await tablet.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(Patient, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Neurolysis", text, StringComparison.OrdinalIgnoreCase);
        await AssertNoClinicPage(tablet);
    }

    /// <summary>The clinician makes a neurolysis packet and opens its page.</summary>
    private static async Task OpenNewPacketAsync(IPage page, string language, string target, string method, string name, string birthDate)
    {
        await page.GotoAsync("/clinic/packets/new?aid=neurolysis");
        await page.Locator("#language").SelectOptionAsync(language);
        await page.Locator("#target").SelectOptionAsync(target);
        await page.Locator("#method").SelectOptionAsync(method);
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#dob").FillAsync(birthDate);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create packet" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the packet" }).ClickAsync();
    }

    [Fact]
    public async Task Every_way_out_is_closed_without_the_password_and_after_the_idle_time_the_next_person_sees_nothing()
    {
        var (email, password, key) = await site.NewClinicianAsync("Waiting Room Clinic");
        var tablet = await site.SignedInDeskAsync(email, password, key, width: 800, height: 1280, touch: true);
        var problems = new List<string>();

        await OpenNewPacketAsync(tablet, "en", "celiac-plexus", "medicine", Patient, "1951-04-09");
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Hand to patient: the packet" }).ClickAsync();
        await BrowserSite.ArriveAsync(tablet, "**/packet");
        Assert.Contains("I'm finished", await tablet.Locator(".tablet-bar").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await BrowserSite.Axe(tablet));
        await BrowserSite.FontsLoadedAsync(tablet);
        await tablet.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("tablet-packet.png") });

        // Links that would leave the packet (a source on another site, another aid) stay put: the tablet's script
        // cancels the click (read from a listener that runs after it, so nothing waits for a navigation that never comes).
        await tablet.Locator(".aid-footer summary").ClickAsync();
        await tablet.EvaluateAsync("() => document.addEventListener('click', e => { window.__cancelled = e.defaultPrevented; })");
        foreach (var link in new[] { "main a[href^='https://']", "main a[href^='/en/aids/']" })
        {
            await tablet.EvaluateAsync("() => { window.__cancelled = null; }");
            await tablet.Locator(link).First.ClickAsync();
            Assert.True(await tablet.EvaluateAsync<bool>("() => window.__cancelled === true"), $"{link} was not held back");
            Assert.EndsWith("/packet", new Uri(tablet.Url).AbsolutePath, StringComparison.Ordinal);
        }

        // The patient answers the first question of the check.
        var first = tablet.Locator("#my-check form").First;
        await BrowserSite.TapAndWaitSavedAsync(first, first.Locator("input[type=radio]").First);

        // Back, the address bar and reload all stay in the packet: the clinic pages are gone from this browser.
        for (var i = 0; i < 5; i++)
        {
            await BackAsync(tablet);
            await AssertNoClinicPage(tablet);
        }
        foreach (var url in new[] { "/clinic/", "/clinic/outcomes", "/clinic/sign-in", "/en/" })
        {
            await tablet.GotoAsync(url);
            Assert.EndsWith("/packet", new Uri(tablet.Url).AbsolutePath, StringComparison.Ordinal);
        }
        await tablet.ReloadAsync();
        Assert.EndsWith("/packet", new Uri(tablet.Url).AbsolutePath, StringComparison.Ordinal);

        // The idle time (shortened for the test) ends it: the welcome screen, and nothing of the patient anywhere.
        // Only this tablet's session: the browser tests share one site and database, and other tests' patients are mid-way.
        await Db(db => db.PatientSessions.Where(s => s.TabletId != null && db.Packets.Any(p => p.Id == s.PacketId && p.PatientName == Patient))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IdleSeconds, 3)));
        await tablet.ReloadAsync();
        await BrowserSite.ArriveAsync(tablet, "**/tablet");
        await tablet.GetByRole(AriaRole.Heading, new() { Name = "Welcome" }).WaitForAsync();
        await AssertNothingOfThePatient(tablet);
        problems.AddRange(await BrowserSite.Axe(tablet));
        await BrowserSite.FontsLoadedAsync(tablet);
        await tablet.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("tablet-welcome.png") });
        Assert.Equal(0, await tablet.EvaluateAsync<int>("() => window.localStorage.length + window.sessionStorage.length"));
        var cookies = (await tablet.Context.CookiesAsync()).Select(c => c.Name).ToList();
        Assert.DoesNotContain("__Host-da-patient", cookies);
        Assert.DoesNotContain("__Host-da-clinic", cookies);
        for (var i = 0; i < 6; i++)
        {
            await BackAsync(tablet);
            await AssertNothingOfThePatient(tablet);
        }
        await tablet.GotoAsync("/packet");
        await AssertNothingOfThePatient(tablet);

        // The answer was saved to the packet, as on the patient's own phone.
        var saved = await Db(db => db.PacketAnswers.Where(a => a.Kind == "knowledge")
            .Join(db.Packets.Where(p => p.PatientName == Patient), a => a.PacketId, p => p.Id, (a, p) => a.ItemId).ToListAsync());
        Assert.Single(saved);

        // Staff: a wrong password keeps the lock; the clinician's password brings the clinic back.
        await tablet.GotoAsync("/tablet/unlock");
        problems.AddRange(await BrowserSite.Axe(tablet));
        await tablet.Locator("#password").FillAsync("certainly not the password");
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Unlock" }).ClickAsync();
        await tablet.GetByRole(AriaRole.Alert).WaitForAsync();
        await tablet.GotoAsync("/clinic/");
        Assert.EndsWith("/tablet", new Uri(tablet.Url).AbsolutePath, StringComparison.Ordinal);
        await tablet.GotoAsync("/tablet/unlock");
        await tablet.Locator("#password").FillAsync(password);
        await tablet.GetByRole(AriaRole.Button, new() { Name = "Unlock" }).ClickAsync();
        await BrowserSite.ArriveAsync(tablet, "**/clinic/");
        Assert.Contains(Patient, await tablet.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_post_visit_survey_on_a_phone_is_one_question_per_screen_and_a_skip_is_saved_as_skipped()
    {
        var (email, password, key) = await site.NewClinicianAsync("Survey Phone Clinic");
        var desk = await site.SignedInDeskAsync(email, password, key);
        await OpenNewPacketAsync(desk, "es", "genicular", "heat", "Sara Survey", "1950-01-30");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Make a post-visit survey link" }).ClickAsync();
        var link = await desk.Locator("code.link").InnerTextAsync();
        var problems = new List<string>(await BrowserSite.Axe(desk));

        var phone = await site.NewPage(width: 360, height: 740, touch: true);
        await phone.GotoAsync(link.Replace("https://", "http://", StringComparison.Ordinal));
        Assert.Equal("es", await phone.GetAttributeAsync("html", "lang"));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Empezar" }).ClickAsync();
        await BrowserSite.ArriveAsync(phone, "**/packet/survey");
        Assert.DoesNotContain("/s/", phone.Url, StringComparison.Ordinal);
        problems.AddRange(await BrowserSite.Axe(phone));
        await BrowserSite.FontsLoadedAsync(phone);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("survey-es-phone.png") });
        for (var q = 1; q <= 8; q++)
        {
            Assert.Contains($"Pregunta {q} de 8", await phone.Locator(".survey-progress").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await phone.Locator("fieldset").CountAsync()); // one question per screen
            var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"question {q} scrolls sideways ({widths[0]} > {widths[1]})");
            if (q == 2) await phone.GetByRole(AriaRole.Button, new() { Name = "Saltar esta pregunta" }).ClickAsync();
            else
            {
                await phone.Locator("input[type=radio]").Nth(q % 5).CheckAsync();
                await phone.GetByRole(AriaRole.Button, new() { Name = "Siguiente" }).ClickAsync();
            }
            await BrowserSite.ArriveAsync(phone, $"**/packet/survey?q={q + 1}");
        }
        await phone.GetByRole(AriaRole.Heading, new() { Name = "Gracias" }).WaitForAsync();
        problems.AddRange(await BrowserSite.Axe(phone));

        var answers = await Db(db => db.PacketAnswers.Where(a => a.Kind == "survey")
            .Join(db.Packets.Where(p => p.PatientName == "Sara Survey"), a => a.PacketId, p => p.Id, (a, p) => new { a.ItemId, a.Value }).ToListAsync());
        Assert.Equal(8, answers.Count);
        Assert.Equal("skipped", answers.Single(a => a.ItemId == "benefits").Value);
        Assert.Equal("2", answers.Single(a => a.ItemId == "procedure").Value);
        Assert.Empty(problems);
    }
}
