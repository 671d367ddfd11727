using Microsoft.Playwright;

namespace DecisionAid.Browser.Tests.Clinic;

/// <summary>A clinician makes a packet; the patient opens it on a phone and answers; every new page passes axe.</summary>
public class PacketBrowserTests(BrowserSite site)
{
    [Fact]
    public async Task A_clinician_sends_a_packet_and_the_patient_answers_on_a_phone()
    {
        var (email, password, key) = await site.NewClinicianAsync("Knee Clinic");
        var problems = new List<string>();

        var desk = await site.NewPage();
        await desk.GotoAsync("/clinic/sign-in");
        problems.AddRange(await BrowserSite.Axe(desk));
        await desk.GetByLabel("Email").FillAsync(email);
        await desk.GetByLabel("Password").FillAsync(password);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserSite.ArriveAsync(desk, "**/clinic/two-factor");
        problems.AddRange(await BrowserSite.Axe(desk));
        await BrowserSite.EnterAuthenticatorCodeAsync(desk, key);
        await BrowserSite.ArriveAsync(desk, "**/clinic/");
        problems.AddRange(await BrowserSite.Axe(desk));

        await desk.GotoAsync("/clinic/packets/new?aid=neurolysis");
        problems.AddRange(await BrowserSite.Axe(desk));
        await desk.Locator("#language").SelectOptionAsync("es");
        await desk.Locator("#target").SelectOptionAsync("genicular");
        await desk.Locator("#method").SelectOptionAsync("heat");
        await desk.GetByLabel("You take a blood thinner").CheckAsync();
        await desk.Locator("#name").FillAsync("Rosa Example");
        await desk.Locator("#dob").FillAsync("1948-07-02");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Create packet" }).ClickAsync();
        var link = await desk.Locator("code.link").InnerTextAsync();
        problems.AddRange(await BrowserSite.Axe(desk));

        var phone = await site.NewPage(width: 360, height: 740, touch: true);
        await phone.GotoAsync(link.Replace("https://", "http://", StringComparison.Ordinal));
        problems.AddRange(await BrowserSite.Axe(phone));
        // The date-of-birth page opens in the packet's language, whatever the phone's language is.
        Assert.Equal("es", await phone.GetAttributeAsync("html", "lang"));
        await phone.Locator("#birth-date").FillAsync("1948-07-02");
        await phone.GetByRole(AriaRole.Button).Filter(new() { HasText = "Abrir mi guía" }).ClickAsync();
        await BrowserSite.ArriveAsync(phone, "**/packet");
        Assert.DoesNotContain("/p/", phone.Url, StringComparison.Ordinal);
        Assert.Equal("es", await phone.GetAttributeAsync("html", "lang"));
        Assert.Contains("Más alto para usted.", await phone.Locator("#your-risks").InnerTextAsync(), StringComparison.Ordinal);
        problems.AddRange(await BrowserSite.Axe(phone));
        var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the packet scrolls sideways on a phone ({widths[0]} > {widths[1]})");
        await BrowserSite.FontsLoadedAsync(phone);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("packet-es-phone.png") });

        // Choosing an answer saves it at once, with no button and no page load; it is there after a reload.
        var firstValue = phone.Locator("#what-matters form").First;
        await BrowserSite.TapAndWaitSavedAsync(firstValue, firstValue.Locator("input[type=radio]").Nth(4));
        await phone.ReloadAsync();
        Assert.True(await phone.Locator("#what-matters form").First.Locator("input[type=radio]").Nth(4).IsCheckedAsync());
        await phone.Locator("#questions-text").FillAsync("¿Cuánto dura?");
        await Assertions.Expect(phone.Locator("#my-questions form")).ToHaveAttributeAsync("data-state", "saved");

        // A knowledge-check answer saves on tap too: its feedback (right or not, and why) appears beside it, and the
        // page neither reloads nor moves.
        var third = phone.Locator("#my-check form").Nth(2);
        await third.ScrollIntoViewIfNeededAsync();
        var before = await phone.EvaluateAsync<double>("() => window.scrollY");
        var marker = await phone.EvaluateAsync<double>("() => (window.__samePage = Math.random())");
        await third.Locator("input[type=radio]").Last.CheckAsync();
        await third.Locator(".feedback p").First.WaitForAsync();
        Assert.Equal(marker, await phone.EvaluateAsync<double>("() => window.__samePage"));
        Assert.Equal(before, await phone.EvaluateAsync<double>("() => window.scrollY"));
        Assert.EndsWith("/packet", new Uri(phone.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.True((await third.Locator(".feedback").InnerTextAsync()).Length > 40, "the feedback gives the explanation");

        // Answer everything: each form saves on its own (the first choice of each question or scale).
        var count = await phone.Locator("#my-check form").CountAsync();
        foreach (var section in new[] { "#my-check", "#what-matters", "#how-sure", "#satisfaction" })
        {
            var forms = phone.Locator($"{section} form");
            for (var i = 0; i < await forms.CountAsync(); i++)
            {
                // A tap saves it: the form's button is only there without script, or after a failed save.
                await Assertions.Expect(forms.Nth(i).GetByRole(AriaRole.Button)).ToBeHiddenAsync();
                await BrowserSite.TapAndWaitSavedAsync(forms.Nth(i), forms.Nth(i).Locator("input[type=radio]").First);
            }
        }
        await phone.Locator("#questions-text").FillAsync("¿Puedo manejar después?");
        await BrowserSite.SubmitAsync(phone.Locator("#my-questions button"));
        Assert.Equal(count, await phone.Locator("#my-check .feedback").CountAsync());
        problems.AddRange(await BrowserSite.Axe(phone));

        await desk.GotoAsync("/clinic/");
        var row = desk.Locator("tr", new() { HasText = "Rosa Example" });
        Assert.Contains("Finished", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"({count} answered)", await row.InnerTextAsync(), StringComparison.Ordinal);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await BrowserSite.ArriveAsync(desk, "**/clinic/packets/*");
        var detail = await desk.Locator("main").InnerTextAsync();
        Assert.Contains("¿Puedo manejar después?", detail, StringComparison.Ordinal);
        Assert.Contains("4 of 4 yes", detail, StringComparison.Ordinal);
        problems.AddRange(await BrowserSite.Axe(desk));

        // The other clinic pages, and the practice's branded aid page.
        foreach (var url in new[] { "/clinic/practice", "/clinic/api-keys", "/clinic/authenticator", "/clinic/team", "/clinic/password" })
        {
            await desk.GotoAsync(url);
            problems.AddRange(await BrowserSite.Axe(desk));
        }
        await desk.GotoAsync("/clinic/practice");
        await desk.Locator("#accent").FillAsync("#0b6b3a");
        await BrowserSite.SubmitAsync(desk.GetByRole(AriaRole.Button, new() { Name = "Save" }));
        var branded = desk.Locator("main a[href*='/p/']").First;
        await desk.GotoAsync(await branded.GetAttributeAsync("href") ?? "/");
        Assert.Equal("Knee Clinic", await desk.Locator(".brand-name").InnerTextAsync());
        problems.AddRange(await BrowserSite.Axe(desk));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
