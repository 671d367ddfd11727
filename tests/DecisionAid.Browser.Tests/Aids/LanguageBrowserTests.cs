using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DecisionAid.Browser.Tests.Aids;

/// <summary>Chinese pages on a phone, and a right-to-left language added as content, pass axe.</summary>
public class LanguageBrowserTests(BrowserSite site)
{
    private static readonly string[] ChinesePages = ["/zh/", "/zh/aids/neurolysis", "/zh/aids/uterine-fibroid-embolization", "/zh/aids/neurolysis/aftercare"];

    [Fact]
    public async Task Chinese_pages_pass_axe_on_a_phone_and_never_scroll_sideways()
    {
        var page = await site.NewPage(width: 360, height: 740, touch: true);
        var problems = new List<string>();
        foreach (var url in ChinesePages)
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(200, response!.Status);
            Assert.Equal("zh", await page.GetAttributeAsync("html", "lang"));
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{url} scrolls sideways ({widths[0]} > {widths[1]})");
            var result = await page.RunAxe();
            problems.AddRange(result.Violations.Select(v => $"{url}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        await page.GotoAsync("/zh/aids/neurolysis");
        // The site's CJK font (for a device with none, as this headless Chromium) is in use once the page's fonts are loaded.
        Assert.True(await page.EvaluateAsync<bool>("async () => { await document.fonts.ready; return document.fonts.check('16px \"DecisionAid CJK\"', '神经'); }"));
        await BrowserSite.FontsLoadedAsync(page);
        await page.ScreenshotAsync(new() { Path = BrowserSite.Screenshot("aid-zh-phone.png") });
    }

    [Fact]
    public async Task On_an_english_page_the_language_menus_chinese_name_loads_only_the_small_font_of_the_languages_names()
    {
        // This Chromium has no Chinese font of its own: without the site's, "中文" would be drawn as empty boxes. The
        // font of the whole library's Chinese (about 160 kB) would hold up a slow phone's first paint for one word.
        var page = await site.NewPage();
        var fonts = new List<string>();
        page.Request += (_, request) => { if (request.Url.Contains(".ttf", StringComparison.Ordinal)) fonts.Add(new Uri(request.Url).AbsolutePath); };
        await page.GotoAsync("/en/aids/neurolysis");
        var chinese = page.Locator("nav.languages a[lang=zh]");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", await chinese.InnerTextAsync());
        await BrowserSite.FontsLoadedAsync(page);
        Assert.True(await chinese.EvaluateAsync<bool>("a => document.fonts.check('16px \"DecisionAid CJK Names\"', a.textContent)"));
        Assert.Equal(["/assets/cjk-names.ttf"], fonts);
        var size = await page.EvaluateAsync<int>("() => performance.getEntriesByType('resource').find(e => e.name.includes('cjk-names.ttf')).decodedBodySize");
        Assert.InRange(size, 1, 8 * 1024);
        // Chinese words inside a page in another language (a tablet's greeting, an aid's title not yet in the reader's
        // language) still get the whole font.
        var family = await page.EvaluateAsync<string>("() => { const p = document.createElement('p'); p.lang = 'zh'; p.textContent = '神经'; document.querySelector('main').append(p); return getComputedStyle(p).fontFamily; }");
        Assert.Contains("\"DecisionAid CJK\"", family, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_right_to_left_language_added_as_content_is_marked_rtl_and_passes_axe()
    {
        var content = TestLanguages.LibraryWithNewLanguages();
        try
        {
            await using var factory = new ContentFactory(content);
            factory.UseKestrel(0);
            factory.StartServer();
            var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
                .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
            var page = await site.NewPage(width: 360, height: 740, touch: true);
            var response = await page.GotoAsync($"{baseUrl}/he/aids/neurolysis");
            Assert.Equal(200, response!.Status);
            Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
            Assert.Contains(TestLanguages.Marker, await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
            var result = await page.RunAxe();
            Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, result.Violations.Select(v => $"{v.Id}: {v.Help}")));
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    private sealed class ContentFactory(string content) : WebApplicationFactory<Program>
    {
        public string DataFolder { get; } = TestFolders.NewTemp("pda-rtl-data");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Content:Path", content);
            builder.UseSetting("Storage:DataFolder", DataFolder);
            builder.UseSetting("Consent:SealKey", TestSealKey.Base64);
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
        }
    }
}
