using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;
using DecisionAid.Records.Data;
using DecisionAid.Records.Library;
using DecisionAid.Web.Packets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DecisionAid.Browser.Tests.Clinic;

/// <summary>
/// A patient's packet on a 360 px phone leads with what is theirs (what to do, their nerve and method, their risks)
/// and keeps the parts about other nerves and methods in the page, closed, under "Other treatments in this guide":
/// opened with one tap, read aloud, and printed.
/// </summary>
public class PacketPageBrowserTests(BrowserSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task A_knee_patients_packet_leads_with_their_own_parts_and_keeps_the_other_treatments_closed()
    {
        var (phone, aid) = await OpenPacketAsync("neurolysis", "en", "genicular", "heat", ["blood-thinners"]);
        var (height, loadMs) = await Measure(phone);
        await phone.ReloadAsync();
        var (_, warmMs) = await Measure(phone);
        output.WriteLine($"packet page on a 360 px phone: {height} px tall, loaded in {loadMs:0} ms (first) and {warmMs:0} ms (reload)");

        await BrowserSite.FontsLoadedAsync(phone);

        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("packet-en-phone-top.png") });
        // It opens with the title and what to do, not with downloads; the downloads close the page.
        var first = await phone.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main h1, main h2, main a')].slice(0, 3).map(e => e.tagName + ' ' + e.textContent.trim())");
        Assert.Equal("H1 Neurolysis", first[0]);
        Assert.Equal("H2 What to do", first[1]);
        Assert.Equal("A Read about your treatment and your own risks.", first[2]);
        Assert.Equal("keep-a-copy", await phone.EvaluateAsync<string>("() => [...document.querySelectorAll('main > section')].pop().id"));
        Assert.Equal(0, await phone.Locator("main a[href$='.pdf']").EvaluateAllAsync<int>("links => links.filter(a => !a.closest('#keep-a-copy')).length"));

        // What is shown: the patient's nerve, method and risks; what is not: another nerve's risks, until opened.
        var risks = YourRisks.For(aid, new PacketChoices("genicular", "heat", ["blood-thinners"]));
        var words = aid.Texts["en"];
        var others = aid.Risks.Where(r => !risks.Risks.Any(p => p.Risk.Id == r.Id)).Select(r => words.Risks[r.Id].Name.Value).ToList();
        Assert.Contains("Collapsed lung", others);
        // (The sources, which name every nerve's studies, are closed too: a packet shows only their review date.)
        var shown = await phone.Locator("main").InnerTextAsync();
        foreach (var own in risks.Risks) Assert.Contains(words.Risks[own.Risk.Id].Name.Value, shown, StringComparison.Ordinal);
        Assert.Contains(words.Targets["genicular"].Name.Value, await phone.Locator("#your-risks").InnerTextAsync(), StringComparison.Ordinal);
        foreach (var other in others) Assert.DoesNotContain(other, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(words.Targets["celiac-plexus"].Name.Value, shown, StringComparison.Ordinal);
        var heading = phone.Locator("#other-treatments h2");
        Assert.Equal("Other treatments in this guide", await heading.InnerTextAsync());
        Assert.False(await phone.Locator("#other-treatments details").EvaluateAsync<bool>("d => d.open"));
        problems.AddRange(await BrowserSite.Axe(phone));

        // Printed, the closed part is on paper too.
        await phone.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await phone.Locator("#other-treatments h5").Filter(new() { HasText = "Collapsed lung" }).IsVisibleAsync());
        await phone.EmulateMediaAsync(new() { Media = Media.Screen });

        // One tap opens it; it holds every other nerve's and method's risks.
        await phone.Locator("#other-treatments summary").ClickAsync();
        var opened = await phone.Locator("#other-treatments").InnerTextAsync();
        foreach (var other in others) Assert.Contains(other, opened, StringComparison.Ordinal);
        var openHeight = await phone.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        output.WriteLine($"with the other treatments open: {openHeight} px");
        Assert.True(height < openHeight, $"the closed part takes no room ({height} px closed, {openHeight} px open)");
        problems.AddRange(await BrowserSite.Axe(phone));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private readonly List<string> problems = [];

    [Fact]
    public async Task Listening_to_the_other_treatments_opens_them_and_reads_what_they_say()
    {
        var (phone, _) = await OpenPacketAsync("neurolysis", "en", "genicular", "cold", []);
        var section = phone.Locator("#other-treatments");
        await section.Locator("button.listen").ClickAsync();
        await phone.WaitForFunctionAsync("() => window.__held.length === 1");
        Assert.True(await section.Locator("details").EvaluateAsync<bool>("d => d.open"));
        Assert.Equal("Other treatments in this guide", (await phone.EvaluateAsync<string[]>("() => window.__spoken"))[0]);
        await phone.EvaluateAsync("() => window.__release()");
        // It reads on into the opened part, as far as the other nerves' risks.
        await phone.WaitForFunctionAsync("() => window.__spoken.some(s => s.startsWith('Collapsed lung'))");
    }

    [Fact]
    public async Task Questions_over_the_limit_are_held_back_with_their_length_in_the_packets_language()
    {
        var (phone, _) = await OpenPacketAsync("neurolysis", "es", "genicular", "heat", []);
        var box = phone.Locator("#questions-text");
        await Assertions.Expect(phone.Locator("#questions-text-limit")).ToHaveTextAsync("0 de 2000 caracteres.");
        var typed = string.Concat(Enumerable.Repeat("¿Puedo manejar a casa? ", 90)); // 2,070 characters
        await box.FillAsync(typed);
        await Assertions.Expect(phone.Locator("#questions-text-limit")).ToHaveTextAsync("Tiene 2070 caracteres. Déjelo en 2000 o menos.");
        Assert.False(await box.EvaluateAsync<bool>("area => area.validity.valid"));
        Assert.Equal(typed, await box.InputValueAsync());
        // Shortened under the limit, it saves itself.
        await box.FillAsync(typed[..1990]);
        await Assertions.Expect(phone.Locator("#questions-text-limit")).ToHaveTextAsync("1990 de 2000 caracteres.");
        await Assertions.Expect(phone.Locator("#my-questions form")).ToHaveAttributeAsync("data-state", "saved");
        await phone.ReloadAsync();
        Assert.Equal(typed[..1990].Trim(), await phone.Locator("#questions-text").InputValueAsync());
    }

    /// <summary>Issue 17 item 11: every answer button is one size, and a question's answers start right under its words, on a phone and a desktop.</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task Answer_buttons_are_one_size_and_answers_start_right_under_their_question(string language)
    {
        var (page, _) = await OpenPacketAsync("neurolysis", language, "genicular", "heat", []);
        foreach (var (width, height) in new[] { (360, 740), (1280, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            var sizes = await page.EvaluateAsync<string[]>("""
                () => [...new Set([...document.querySelectorAll('main input[type=radio]')].filter(r => r.offsetParent)
                    .map(r => { const b = r.getBoundingClientRect(); return Math.round(b.width) + 'x' + Math.round(b.height); }))]
                """);
            Assert.Equal(["24x24"], sizes);
            // The gap between a question's words and its first answer, for every question with answers on the page.
            var gaps = await page.EvaluateAsync<double[]>("""
                () => [...document.querySelectorAll('main fieldset')].filter(f => f.offsetParent && f.querySelector(':scope > legend') && f.querySelector('.choice'))
                    .map(f => f.querySelector('.choice').getBoundingClientRect().top - f.querySelector(':scope > legend').getBoundingClientRect().bottom)
                """);
            Assert.True(gaps.Length >= 10, $"{gaps.Length} questions found at {width} px");
            Assert.All(gaps, gap => Assert.InRange(gap, -1, 16));
        }
    }

    private static async Task<(int Height, double LoadMs)> Measure(IPage page)
    {
        // The load event has ended (its time is measured below); polled, since a wait for the event can miss it.
        await page.WaitForFunctionAsync("() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0");
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        var load = await page.EvaluateAsync<double>("() => { const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime; }");
        return (height, load);
    }

    /// <summary>A new packet made as the clinic would, opened on a phone (with a stand-in voice) with its date of birth: the phone is on /packet.</summary>
    private async Task<(IPage Phone, Aid Aid)> OpenPacketAsync(string aidId, string language, string? target, string? method, IReadOnlyList<string> factors)
    {
        var birth = new DateOnly(1951, 3, 4);
        string token;
        Aid aid;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
            aid = scope.ServiceProvider.GetRequiredService<AidLibrary>().Find(aidId)!;
            var practice = new Practice { Id = Guid.NewGuid(), Slug = $"p{Guid.NewGuid():N}"[..20], Name = "Phone Clinic", CreatedAt = DateTime.UtcNow };
            db.Practices.Add(practice);
            var request = new NewPacket(aidId, language, target, method, factors, "Pat Example", birth, null);
            var (packet, link) = request.Create(aid, practice.Id, "test", DateTime.UtcNow, TimeSpan.FromDays(7));
            db.Packets.Add(packet);
            await db.SaveChangesAsync();
            token = link;
        }
        var phone = await site.NewPage(width: 360, height: 740, touch: true);
        await phone.AddInitScriptAsync(BrowserSite.StandInVoice);
        await phone.GotoAsync($"/p/{token}");
        await phone.Locator("#birth-date").FillAsync(birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await BrowserSite.SubmitAsync(phone.Locator("form button[type=submit]"));
        await BrowserSite.ArriveAsync(phone, "**/packet");
        return (phone, aid);
    }
}
