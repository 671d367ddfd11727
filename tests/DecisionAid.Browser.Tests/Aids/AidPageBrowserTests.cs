using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DecisionAid.Browser.Tests.Aids;

public class AidPageBrowserTests(BrowserSite site)
{
    private static readonly string[] Pages = ["/en/", "/es/", "/en/aids/neurolysis", "/es/aids/neurolysis", "/en/aids/nerve-block", "/es/aids/nerve-block", "/en/aids/kneecap", "/es/aids/kneecap", "/en/?q=kidney"];

    [Fact]
    public async Task The_aid_opens_with_its_pictures_loaded()
    {
        var page = await site.NewPage();
        var response = await page.GotoAsync("/en/aids/neurolysis");
        Assert.Equal(200, response!.Status);
        Assert.Equal("Neurolysis", await page.Locator("h1").InnerTextAsync());
        var loaded = await page.EvaluateAsync<bool>("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
        Assert.True(loaded, "every step picture loads");
        Assert.Equal(3, await page.Locator(".steps img").CountAsync());
        Assert.True(await page.Locator("svg.icon-array").CountAsync() >= 3);
        await BrowserSite.FontsLoadedAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("aid-en-desktop.png") });
        await page.GotoAsync("/es/aids/neurolysis");
        await BrowserSite.FontsLoadedAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("aid-es-desktop.png") });
    }

    [Fact]
    public async Task The_language_switch_keeps_the_reader_on_the_same_aid()
    {
        var page = await site.NewPage();
        await page.GotoAsync("/en/aids/neurolysis");
        await page.GetByRole(AriaRole.Link, new() { Name = "Español" }).ClickAsync();
        await BrowserSite.ArriveAsync(page, "**/es/aids/neurolysis");
        Assert.Equal("es", await page.GetAttributeAsync("html", "lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).First.ClickAsync();
        await BrowserSite.ArriveAsync(page, "**/en/aids/neurolysis");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task The_keyboard_reaches_everything_with_a_visible_focus_starting_with_the_skip_link()
    {
        var page = await site.NewPage();
        await page.GotoAsync("/en/aids/neurolysis");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        Assert.True(await page.Locator(".skip-link").IsVisibleAsync());
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);

        var focusable = await page.EvaluateAsync<int>("() => document.querySelectorAll('a[href], button:not([hidden]), summary, input, [tabindex=\"0\"]').length");
        var seen = new HashSet<string>();
        for (var i = 0; i < focusable + 2; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<string[]>(@"() => {
                const el = document.activeElement, style = getComputedStyle(el), box = el.getBoundingClientRect();
                return [el.tagName + ':' + (el.getAttribute('href') || el.textContent.trim().slice(0, 30)) + ':' + i(el),
                        style.outlineStyle, String(box.width), String(box.height)];
                function i(e) { return [...document.querySelectorAll('*')].indexOf(e); }
            }");
            if (focus[0].StartsWith("BODY", StringComparison.Ordinal)) continue;
            seen.Add(focus[0]);
            Assert.NotEqual("none", focus[1]);
            Assert.True(double.Parse(focus[3], System.Globalization.CultureInfo.InvariantCulture) >= 24 || focus[0].StartsWith("A:", StringComparison.Ordinal),
                $"{focus[0]} is a target smaller than 24px");
        }
        Assert.True(seen.Count >= focusable - 1, $"reached {seen.Count} of {focusable} focusable elements");
    }

    [Fact]
    public async Task Printing_gives_a_clean_handout_with_the_url_and_review_date()
    {
        var page = await site.NewPage(width: 800);
        await page.GotoAsync("/en/aids/neurolysis");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator(".site-header").IsVisibleAsync());
        var footer = page.Locator(".print-footer");
        Assert.True(await footer.IsVisibleAsync());
        var text = await footer.InnerTextAsync();
        Assert.Contains("/en/aids/neurolysis", text, StringComparison.Ordinal);
        Assert.Contains("Checked on", text, StringComparison.Ordinal);
        Assert.True(await page.Locator(".steps img").First.IsVisibleAsync());
        Assert.Equal("page", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#risks h2')).breakBefore"));
        await BrowserSite.FontsLoadedAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("aid-en-print.png") });
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "Letter" });
        Assert.True(pdf.Length > 10_000);
    }

    [Fact]
    public async Task The_page_works_fully_with_javascript_off()
    {
        var page = await site.NewPage(javaScript: false);
        await page.GotoAsync("/en/aids/neurolysis");
        Assert.Equal(0, await page.Locator("button.listen").CountAsync());
        var answer = page.Locator("#knowledge-check details").First;
        await answer.Locator("summary").ClickAsync();
        Assert.True(await answer.Locator("p").First.IsVisibleAsync());
        await page.GotoAsync("/en/?q=neurolysis");
        Assert.Equal(1, await page.Locator(".aid-list li").CountAsync());
    }

    [Theory]
    [InlineData(360)]
    [InlineData(320)] // the reflow width of WCAG 1.4.10: a 1280px screen zoomed to 400%, or 640px at 200%
    public async Task A_phone_never_scrolls_sideways(int width)
    {
        var page = await site.NewPage(width: width, height: 740, touch: true);
        foreach (var url in Pages)
        {
            await page.GotoAsync(url);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            var (scroll, client) = (widths[0], widths[1]);
            Assert.True(scroll <= client, $"{url} at {width}px scrolls sideways ({scroll} > {client})");
            var fontSize = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)");
            Assert.True(fontSize >= 18, $"{url}: body text is {fontSize}px");
        }
        if (width == 360)
        {
            await page.GotoAsync("/en/aids/neurolysis");
            await BrowserSite.FontsLoadedAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("aid-en-phone.png") });
            await page.GotoAsync("/es/aids/neurolysis");
            await BrowserSite.FontsLoadedAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("aid-es-phone.png") });
            await page.GotoAsync("/es/aids/nerve-block");
            await BrowserSite.FontsLoadedAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("nerve-block-es-phone.png") });
            await page.GotoAsync("/es/");
            await BrowserSite.FontsLoadedAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserSite.Screenshot("list-es-phone.png") });
        }
    }

    [Fact]
    public async Task Every_page_in_both_languages_passes_axe_with_zero_violations()
    {
        var page = await site.NewPage();
        var problems = new List<string>();
        foreach (var url in Pages)
        {
            await page.GotoAsync(url);
            var result = await page.RunAxe();
            problems.AddRange(result.Violations.Select(v => $"{url}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Read_aloud_speaks_each_sentence_and_highlights_it()
    {
        var page = await site.NewPage();
        await page.AddInitScriptAsync(BrowserSite.StandInVoice);
        await page.GotoAsync("/en/aids/neurolysis");
        var button = page.Locator("#summary button.listen");
        Assert.True(await button.IsVisibleAsync());
        await button.ClickAsync();
        await page.WaitForFunctionAsync("() => window.__held.length === 1");
        Assert.Equal("true", await button.GetAttributeAsync("aria-pressed"));
        Assert.Equal(1, await page.Locator("#summary .reading").CountAsync());
        await page.EvaluateAsync("() => window.__release()");
        await page.WaitForFunctionAsync("() => window.__spoken.length >= 3");
        var spoken = await page.EvaluateAsync<string[]>("() => window.__spoken");
        Assert.Equal("What should you know first?", spoken[0]);
        Assert.StartsWith("Neurolysis is a treatment that destroys a nerve", spoken[1], StringComparison.Ordinal);
        Assert.Equal("It is for bad, long-lasting pain that is not likely to get better.", spoken[2]);
        await page.WaitForFunctionAsync("() => document.querySelector('#summary button.listen').getAttribute('aria-pressed') === 'false'");
        Assert.Equal(0, await page.Locator(".reading").CountAsync());
    }

    [Fact]
    public async Task Read_aloud_is_hidden_where_the_browser_cannot_speak()
    {
        var page = await site.NewPage();
        await page.AddInitScriptAsync("Object.defineProperty(window, 'speechSynthesis', { value: undefined })");
        await page.GotoAsync("/en/aids/neurolysis");
        Assert.Equal(0, await page.Locator("button.listen:visible").CountAsync());
    }
}
