using Microsoft.Playwright;

namespace DecisionAid.Browser.Tests.Aids;

/// <summary>The aftercare page on a phone, in both languages: no axe violations, no sideways scrolling; screenshots for the README.</summary>
public class AftercareBrowserTests(BrowserSite site)
{
    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task The_aftercare_page_reads_well_on_a_phone(string lang)
    {
        var phone = await site.NewPage(width: 360, height: 740, touch: true);
        await phone.GotoAsync($"/{lang}/aids/neurolysis/aftercare");
        Assert.True(await phone.Locator("#aftercare ul.emergency li").CountAsync() > 0);
        var violations = await BrowserSite.Axe(phone);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page scrolls sideways ({widths[0]} > {widths[1]})");
        await BrowserSite.FontsLoadedAsync(phone);
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot($"aftercare-{lang}-phone.png"), FullPage = true });
    }
}
