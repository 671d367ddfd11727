using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using DecisionAid.Web.Practices;
using DecisionAid.Web.Tests.Clinic;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Practices;

public class BrandTests
{
    [Theory]
    [InlineData("#1d4ed8", true)]
    [InlineData("#000000", true)]
    [InlineData("#767676", true)]   // 4.54:1, the lightest grey that passes
    [InlineData("#777777", false)]  // 4.48:1
    [InlineData("#ffff00", false)]
    [InlineData("blue", false)]
    public void An_accent_colour_must_be_readable_on_white(string colour, bool accepted) =>
        Assert.Equal(accepted, BrandRules.ColourProblem(colour) is null);

    [Fact]
    public void A_refused_colour_says_its_contrast_and_what_to_do() =>
        Assert.Equal("the accent colour #ffff00 has a contrast of 1.1:1 on white; it needs at least 4.5:1 so text in it can be read (try a darker shade)",
            BrandRules.ColourProblem("#ffff00"));

    [Fact]
    public void An_svg_logo_is_cleaned_down_to_drawing()
    {
        var upload = Encoding.UTF8.GetBytes("""
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
              <script>alert(2)</script><style>*{background:url(http://evil.example/x)}</style>
              <foreignObject><div>hi</div></foreignObject>
              <a href="javascript:alert(3)"><circle cx="5" cy="5" r="4" fill="#1d4ed8" onclick="alert(4)"/></a>
              <use href="http://evil.example/s.svg#x"/><use href="#ok"/>
              <rect id="ok" width="2" height="2" fill="url(http://evil.example/p)"/>
            </svg>
            """);
        var (type, bytes, problem) = BrandRules.CleanLogo(upload);
        Assert.Null(problem);
        Assert.Equal("image/svg+xml", type);
        var svg = Encoding.UTF8.GetString(bytes!);
        foreach (var bad in new[] { "script", "onload", "onclick", "style", "foreignObject", "javascript", "evil.example", "<a" })
            Assert.DoesNotContain(bad, svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<use href=\"#ok\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Logos_that_are_not_small_pngs_or_svgs_are_refused()
    {
        Assert.Equal("the logo must be a PNG or an SVG file", BrandRules.CleanLogo(Encoding.UTF8.GetBytes("GIF89a....")).Problem);
        Assert.Equal("the logo is larger than 200 KB", BrandRules.CleanLogo(new byte[(200 * 1024) + 1]).Problem);
        var hugePng = new byte[32];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(hugePng, 0);
        hugePng[16] = 0x01; // width 16 million pixels
        hugePng[23] = 10;
        Assert.Equal("the PNG must be at most 2000 by 2000 pixels", BrandRules.CleanLogo(hugePng).Problem);
    }

    [Fact]
    public async Task A_practice_brands_its_aid_pages_and_a_bad_colour_is_refused_with_its_reason()
    {
        using var clinic = new SignedInClinic(Storage.Sqlite);
        var (clinician, practiceId) = await clinic.NewPracticeAsync("Harbour Pain Clinic");
        string slug;
        await using (var db = clinic.Database.Open()) slug = (await db.Practices.SingleAsync(p => p.Id == practiceId)).Slug;

        async Task<HttpResponseMessage> Save(string colour, string? svg)
        {
            var page = await clinician.GetAsync("/clinic/practice");
            var token = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("Harbour Pain Clinic"), "Name" },
                { new StringContent("555-0142"), "Phone" },
                { new StringContent(colour), "AccentColour" },
            };
            if (svg is not null)
            {
                var file = new ByteArrayContent(Encoding.UTF8.GetBytes(svg));
                file.Headers.ContentType = new MediaTypeHeaderValue("image/svg+xml");
                form.Add(file, "Logo", "logo.svg");
            }
            return await clinician.PostAsync("/clinic/practice", form);
        }

        // A reader with no cookie reads the page before the change: it is kept compressed, and must not outlive the change.
        var before = await clinic.NewBrowser().GetAsync($"/en/p/{slug}/aids/neurolysis");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Null(new HtmlParser().ParseDocument(await before.Content.ReadAsStringAsync()).QuerySelector(".brand-phone"));

        var refused = await Save("#ffff00", null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("contrast of 1.1:1", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await Save("#0B6B3A", """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" onload="x()"/></svg>""");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var visitor = clinic.NewBrowser();
        var branded = await visitor.GetAsync($"/en/p/{slug}/aids/neurolysis");
        Assert.Equal(HttpStatusCode.OK, branded.StatusCode);
        var doc = new HtmlParser().ParseDocument(await branded.Content.ReadAsStringAsync());
        Assert.Equal("Harbour Pain Clinic", doc.QuerySelector(".brand-name")!.TextContent);
        Assert.Equal("tel:555-0142", doc.QuerySelector(".brand-phone")!.GetAttribute("href"));
        var css = doc.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/brand/", StringComparison.Ordinal));
        Assert.Equal(":root { --accent: #0b6b3a; }\n", await visitor.GetStringAsync(css));
        var logo = await visitor.GetAsync(doc.QuerySelector(".brand-logo")!.GetAttribute("src"));
        Assert.Equal("image/svg+xml", logo.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("onload", await logo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("sandbox", string.Join(" ", logo.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/en/p/no-such-practice/aids/neurolysis")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/en/aids/neurolysis")).StatusCode); // the unbranded page stays
    }
}
