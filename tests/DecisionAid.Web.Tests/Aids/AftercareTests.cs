using System.Net;
using AngleSharp.Html.Parser;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Consent;
using DecisionAid.Web.Tests.Data;

namespace DecisionAid.Web.Tests.Aids;

/// <summary>The aftercare part: its own page per aid and language, and a packet's own items with the practice's numbers.</summary>
public sealed class AftercareTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("en", "What to expect", "Call your local emergency number right away", "Only for: Celiac plexus.")]
    [InlineData("es", "Qué esperar", "Llame de inmediato al número de emergencias", "Solo para: Plexo celíaco.")]
    public async Task Each_aid_has_an_aftercare_page_with_every_item_and_what_it_is_for(string lang, string expect, string emergency, string onlyFor)
    {
        var client = site.Factory.Client();
        foreach (var aid in new[] { "neurolysis", "nerve-block" })
        {
            var response = await client.GetAsync($"/{lang}/aids/{aid}/aftercare");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var headings = page.QuerySelectorAll("#aftercare h3").Select(h => h.TextContent).ToList();
            Assert.Contains(expect, headings);
            Assert.Contains(headings, h => h.StartsWith(emergency, StringComparison.Ordinal));
            Assert.NotEmpty(page.QuerySelectorAll("#aftercare ul.emergency li"));
            var aidPage = await (await client.GetAsync($"/{lang}/aids/{aid}")).Content.ReadAsStringAsync();
            Assert.Contains($"/{lang}/aids/{aid}/aftercare", aidPage, StringComparison.Ordinal);
        }
        var neurolysis = new HtmlParser().ParseDocument(await (await client.GetAsync($"/{lang}/aids/neurolysis/aftercare")).Content.ReadAsStringAsync());
        Assert.Contains(onlyFor, neurolysis.GetElementById("aftercare")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{lang}/aids/kneecap/aftercare")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_celiac_packet_shows_the_low_blood_pressure_item_and_a_genicular_packet_does_not(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider); // celiac plexus, medicine
        await using (var db = s.Clinic.Database.Open())
        {
            var practice = db.Practices.Single();
            practice.Phone = "555-0101";
            practice.PhoneAfterHours = "555-0102";
            await db.SaveChangesAsync();
        }
        var celiac = new HtmlParser().ParseDocument(await (await s.Patient.GetAsync("/packet")).Content.ReadAsStringAsync()).GetElementById("aftercare")!;
        Assert.Contains("your blood pressure may drop when you stand up", celiac.TextContent, StringComparison.Ordinal);
        Assert.Contains("Call the clinic at 555-0101 (after hours: 555-0102) if:", celiac.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("collapsed lung", celiac.TextContent, StringComparison.Ordinal); // the intercostal item
        Assert.DoesNotContain("Only for:", celiac.TextContent, StringComparison.Ordinal);

        var token = await SignedInClinic.CreatePacketAsync(s.Clinician,
        [
            new("Form.Aid", "neurolysis"), new("Form.Language", "en"), new("Form.Target", "genicular"), new("Form.Method", "heat"),
            new("Form.PatientName", "Knee Patient"), new("Form.BirthDate", "1960-06-06"),
        ]);
        var knee = s.Clinic.NewBrowser();
        await SignedInClinic.PostFormAsync(knee, $"/p/{token}", new Dictionary<string, string> { ["BirthDate"] = "1960-06-06" });
        var genicular = new HtmlParser().ParseDocument(await (await knee.GetAsync("/packet")).Content.ReadAsStringAsync()).GetElementById("aftercare")!;
        Assert.DoesNotContain("blood pressure", genicular.TextContent, StringComparison.Ordinal);
        Assert.Contains("Do not drive for 24 hours.", genicular.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_aftercare_pdf_fits_one_page_in_every_language_and_pda_renders_the_same_part()
    {
        var client = site.Factory.Client();
        foreach (var aid in new[] { "neurolysis", "nerve-block" })
        {
            foreach (var lang in new[] { "en", "es" })
            {
                var pdf = await (await client.GetAsync($"/{lang}/aids/{aid}/aftercare.pdf")).Content.ReadAsByteArrayAsync();
                var pages = PdfText.Pages(pdf);
                Assert.Single(pages);
                Assert.Contains(lang == "en" ? "Call your local emergency number" : "Llame de inmediato al número de emergencias", pages[0].Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
                if (aid == "neurolysis" && lang == "en")
                    PdfText.FirstPagePng(pdf, Path.Combine(TestFolders.RepositoryRoot(), "docs", "screenshots", "aftercare-pdf-page1"));
            }
        }
        var folder = TestFolders.NewTemp("pda-aftercare");
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var html = Path.Combine(folder, "aftercare.html");
            Assert.Equal(0, DecisionAid.Cli.PdaCommand.Run(["render", "neurolysis", "--lang", "es", "--part", "aftercare", "--out", html, "--content", TestFolders.ShippedContent()], output, error));
            var document = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(html));
            Assert.NotNull(document.GetElementById("aftercare"));
            Assert.Empty(document.QuerySelectorAll("link[href], script[src], img[src^='http']"));
            var pdf = Path.Combine(folder, "aftercare.pdf");
            Assert.Equal(0, DecisionAid.Cli.PdaCommand.Run(["render", "neurolysis", "--part", "aftercare", "--format", "pdf", "--out", pdf, "--content", TestFolders.ShippedContent()], output, error));
            Assert.Single(PdfText.Pages(await File.ReadAllBytesAsync(pdf)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_patients_aftercare_pdf_has_their_items_and_the_practices_numbers(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        await using (var db = s.Clinic.Database.Open())
        {
            var practice = db.Practices.Single();
            practice.Phone = "555-0101";
            practice.PhoneAfterHours = "555-0102";
            await db.SaveChangesAsync();
        }
        var text = PdfText.Read(await (await s.Patient.GetAsync("/packet/aftercare.pdf")).Content.ReadAsByteArrayAsync()).Replace("\n", " ", StringComparison.Ordinal);
        Assert.Contains("555-0101", text, StringComparison.Ordinal);
        Assert.Contains("555-0102", text, StringComparison.Ordinal);
        Assert.Contains("blood pressure may drop", text, StringComparison.Ordinal);
        Assert.DoesNotContain("collapsed lung", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Clinic.NewBrowser().GetAsync("/packet/aftercare.pdf")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_practice_writes_its_own_bathing_rule_held_to_the_reading_grade_and_patients_see_it(string provider)
    {
        using var s = await ConsentScenario.StartAsync(provider);
        // The public page, and a practice with no rule: ask the clinic.
        Assert.Contains("Ask the clinic when you may shower or take a bath.",
            await (await s.Clinic.NewBrowser().GetAsync("/en/aids/neurolysis/aftercare")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Ask the clinic when you may shower or take a bath.", await (await s.Patient.GetAsync("/packet")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Dictionary<string, string> Settings(string english) => new()
        {
            ["Name"] = "Riverside Pain Clinic", ["AccentColour"] = "#1d4ed8", ["TabletIdleMinutes"] = "5",
            ["Bathing[en]"] = english, ["Bathing[es]"] = "Puede ducharse mañana. No se bañe en tina por dos días.",
        };
        var hard = await SignedInClinic.PostFormAsync(s.Clinician, "/clinic/practice",
            Settings("Postprocedural immersion necessitates individualized consideration of epidermal integrity."));
        Assert.Equal(HttpStatusCode.BadRequest, hard.StatusCode);
        Assert.Contains("hard to read", await hard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await SignedInClinic.PostFormAsync(s.Clinician, "/clinic/practice",
            new Dictionary<string, string>(Settings("You may shower tomorrow.")) { ["Bathing[qq]"] = "Words in no language of the site." });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("is not a language of this site", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await SignedInClinic.PostFormAsync(s.Clinician, "/clinic/practice", Settings("You may shower tomorrow. Do not sit in a bath for two days."));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var aftercare = new HtmlParser().ParseDocument(await (await s.Patient.GetAsync("/packet")).Content.ReadAsStringAsync()).GetElementById("aftercare")!;
        var rule = aftercare.QuerySelector("ul.do li.clinic-rule")!.TextContent;
        Assert.Contains("You may shower tomorrow. Do not sit in a bath for two days.", rule, StringComparison.Ordinal);
        Assert.Contains("Your clinic's advice.", rule, StringComparison.Ordinal);
        var pdf = PdfText.Read(await (await s.Patient.GetAsync("/packet/aftercare.pdf")).Content.ReadAsByteArrayAsync()).Replace("\n", " ", StringComparison.Ordinal);
        Assert.Contains("You may shower tomorrow.", pdf, StringComparison.Ordinal);
    }
}
