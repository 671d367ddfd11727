using Microsoft.Playwright;

namespace DecisionAid.Browser.Tests.Aids;

/// <summary>A reviewer follows an aid's sources to its standards dossier: it passes axe, fits a phone, and its first screen is in the README.</summary>
public class DossierBrowserTests(BrowserSite site)
{
    [Fact]
    public async Task The_dossier_opens_from_the_aids_sources_and_reads_well()
    {
        var desk = await site.NewPage(width: 1100, height: 900);
        await desk.GotoAsync("/en/aids/neurolysis");
        await desk.GetByRole(AriaRole.Link, new() { Name = "How this guide meets the standards for decision guides" }).ClickAsync();
        await BrowserSite.AtAsync(desk, "**/aids/neurolysis/dossier");
        await desk.Locator("#tally").WaitForAsync();
        Assert.Contains("0 fail", await desk.Locator("#tally").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Passes", (await desk.Locator("tr#IPDAS-Q1 .verdict").TextContentAsync())!.Trim());
        var violations = await BrowserSite.Axe(desk);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        // The Chinese evidence draws in the font the file carries, not in empty boxes.
        Assert.True(await desk.EvaluateAsync<bool>("async () => { await document.fonts.ready; return document.fonts.check('16px \"DecisionAid CJK\"', '神经'); }"));
        await desk.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("dossier.png"), Clip = new Clip { X = 0, Y = 0, Width = 1100, Height = 900 } });

        var phone = await site.NewPage(width: 360, height: 740, touch: true);
        await phone.GotoAsync("/aids/neurolysis/dossier");
        var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var wide = await phone.EvaluateAsync<string[]>("() => { const w = document.documentElement.clientWidth + 1; const over = e => e.getBoundingClientRect().right > w; return [...document.querySelectorAll('body *')].filter(e => over(e) && ![...e.children].some(over)).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + getComputedStyle(e).display + ' ' + Math.round(e.getBoundingClientRect().width) + ': ' + (e.textContent || '').slice(0, 50)).concat([String(innerWidth), String(matchMedia('(max-width: 44rem)').matches)]); }");
        Assert.True(widths[0] <= widths[1] + 1, $"the page scrolls sideways ({widths[0]} > {widths[1]}): {string.Join(" | ", wide)}");
    }
}
