using Microsoft.Playwright;

namespace DecisionAid.Browser.Tests.Clinic;

/// <summary>
/// Issue 17 items 1, 2 and 4: the form never makes a packet of an aid the clinician did not choose; a name over its
/// limit is held back with its length, never cut; a long name wraps in the packets table; ending one needs a tick.
/// </summary>
public class NewPacketBrowserTests(BrowserSite site)
{
    [Fact]
    public async Task With_script_the_choices_follow_the_aid_list_at_once_and_the_ready_panel_names_them()
    {
        var (email, password, key) = await site.NewClinicianAsync("Script Clinic");
        var desk = await site.SignedInDeskAsync(email, password, key);
        await desk.GotoAsync("/clinic/packets/new?aid=nerve-block");
        await Assertions.Expect(desk.Locator("#choose-aid")).ToBeHiddenAsync();
        await desk.Locator("#aid").SelectOptionAsync("neurolysis");
        // The choices under the list are neurolysis's as soon as the list changes.
        await Assertions.Expect(desk.Locator("input[name='Form.ChoicesFor']")).ToHaveValueAsync("neurolysis");
        await Assertions.Expect(desk.Locator("#target option[value='celiac-plexus']")).ToHaveCountAsync(1);
        await desk.Locator("#target").SelectOptionAsync("genicular");
        await desk.Locator("#method").SelectOptionAsync("cold");
        await desk.Locator("#name").FillAsync("Script Patient");
        await desk.Locator("#dob").FillAsync("1950-03-14");
        await BrowserSite.SubmitAsync(desk.GetByRole(AriaRole.Button, new() { Name = "Create packet" }));
        var summary = await desk.Locator(".packet-summary").InnerTextAsync();
        foreach (var words in new[] { "Neurolysis", "Nerves around the knee", "Cold", "none" })
            Assert.Contains(words, summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_over_the_limit_is_held_back_with_its_length_and_a_long_name_wraps_in_the_packets_table()
    {
        var (email, password, key) = await site.NewClinicianAsync("Long Name Clinic");
        var desk = await site.SignedInDeskAsync(email, password, key);
        await desk.GotoAsync("/clinic/packets/new?aid=neurolysis");
        await Assertions.Expect(desk.Locator("#name-limit")).ToHaveTextAsync("0 of 200 characters.");
        var pasted = string.Concat(Enumerable.Repeat("Maria-Fernanda ", 17)); // 255 characters
        await desk.Locator("#name").FillAsync(pasted);
        await Assertions.Expect(desk.Locator("#name-limit")).ToHaveTextAsync("255 characters: the limit is 200. Please shorten it.");
        // Every character is still there (no maxlength cut it), and the browser will not send the form.
        Assert.Equal(pasted, await desk.Locator("#name").InputValueAsync());
        Assert.False(await desk.Locator("#name").EvaluateAsync<bool>("input => input.validity.valid"));
        await desk.Locator("#dob").FillAsync("1950-03-14");
        await desk.GetByRole(AriaRole.Button, new() { Name = "Create packet" }).ClickAsync();
        Assert.Equal(0, await desk.Locator(".created").CountAsync());
        Assert.EndsWith("/clinic/packets/new", new Uri(desk.Url).AbsolutePath, StringComparison.Ordinal);

        // 200 characters, the most there may be: made, and the packets table still fits a 1280 px screen.
        var longest = pasted[..200];
        await desk.Locator("#name").FillAsync(longest);
        await Assertions.Expect(desk.Locator("#name-limit")).ToHaveTextAsync("200 of 200 characters.");
        await BrowserSite.SubmitAsync(desk.GetByRole(AriaRole.Button, new() { Name = "Create packet" }));
        await Assertions.Expect(desk.Locator(".created")).ToBeVisibleAsync();
        await desk.GotoAsync("/clinic/");
        var widths = await desk.EvaluateAsync<int[]>("() => [document.querySelector('table.packets').scrollWidth, document.querySelector('.table-wrap').clientWidth, document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1] && widths[2] <= widths[3], $"the packets table is {widths[0]} px in {widths[1]} px, the page {widths[2]} px in {widths[3]} px");
        Assert.Equal(longest, (await desk.Locator("table.packets tbody th a").First.InnerTextAsync()).Replace("\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_script_a_changed_list_makes_no_packet_until_its_own_choices_are_shown()
    {
        var (email, password, key) = await site.NewClinicianAsync("No Script Clinic");
        var signedIn = await site.SignedInDeskAsync(email, password, key);
        // The same signed-in clinician, in a browser with script off.
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false, BaseURL = site.BaseUrl, StorageState = await signedIn.Context.StorageStateAsync(),
        });
        var desk = await context.NewPageAsync();
        desk.SetDefaultTimeout(90_000);
        await desk.GotoAsync("/clinic/packets/new?aid=nerve-block");
        await desk.Locator("#aid").SelectOptionAsync("neurolysis");
        await desk.Locator("#target").SelectOptionAsync("low-back"); // still nerve block's list: nothing changed it
        await desk.Locator("#name").FillAsync("Plain Patient");
        await desk.Locator("#dob").FillAsync("1950-03-14");
        await BrowserSite.SubmitAsync(desk.GetByRole(AriaRole.Button, new() { Name = "Create packet" }));
        Assert.Contains("No packet was made", await desk.Locator("[role=alert]").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(desk.Locator("#name")).ToHaveValueAsync("Plain Patient");
        await desk.Locator("#target").SelectOptionAsync("celiac-plexus");
        await BrowserSite.SubmitAsync(desk.GetByRole(AriaRole.Button, new() { Name = "Create packet" }));
        Assert.Contains("Neurolysis", await desk.Locator(".packet-summary").InnerTextAsync(), StringComparison.Ordinal);

        // Revoking asks for a tick first: the button alone leaves the packet as it is.
        await desk.GetByRole(AriaRole.Link, new() { Name = "Open the packet" }).ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Revoke the packet" }).ClickAsync();
        Assert.False(await desk.Locator("input[name=confirm]").EvaluateAsync<bool>("box => box.validity.valid"));
        await Assertions.Expect(desk.Locator("h1")).ToHaveTextAsync("Plain Patient");
        await desk.Locator("input[name=confirm]").CheckAsync();
        await BrowserSite.SubmitAsync(desk.GetByRole(AriaRole.Button, new() { Name = "Revoke the packet" }));
        Assert.Contains("Revoked", await desk.Locator("dl.terms").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
