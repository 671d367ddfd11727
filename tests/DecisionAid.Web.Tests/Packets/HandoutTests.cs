using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Packets;

/// <summary>The branded, personalised PDF handout, read back with poppler's pdftotext; on both databases.</summary>
public partial class HandoutTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_handout_names_the_practice_the_personal_risks_and_the_version_on_every_page(string provider)
    {
        using var clinic = new SignedInClinic(provider);
        var (clinician, _) = await clinic.NewPracticeAsync("Riverside Pain Clinic");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Aid", "neurolysis"), new("Form.Language", "en"), new("Form.Target", "intercostal"), new("Form.Method", "heat"),
            new("Form.HealthFactors", "pacemaker"), new("Form.PatientName", "Sam Example"), new("Form.BirthDate", "1955-05-05"),
        };
        var token = await SignedInClinic.CreatePacketAsync(clinician, fields);
        Guid id;
        await using (var db = clinic.Database.Open()) id = (await db.Packets.SingleAsync()).Id;

        var response = await clinician.GetAsync($"/clinic/packets/{id}/handout.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = PdfText.Read(pdf);
        Assert.Contains("What are your own risks?", text, StringComparison.Ordinal);
        Assert.Contains("Collapsed lung.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Collapsed lung. Higher for you.", text, StringComparison.Ordinal); // the nerve's own risk, not raised by a health factor
        Assert.Contains("Heart devices. Higher for you.", text, StringComparison.Ordinal);
        Assert.Contains("56 in 1,000 treatment sessions.", text, StringComparison.Ordinal);
        Assert.Contains("Sam Example", text, StringComparison.Ordinal);
        var pages = PdfText.Pages(pdf);
        Assert.True(pages.Count >= 3);
        Assert.All(pages, page =>
        {
            Assert.Contains("Riverside Pain Clinic", page, StringComparison.Ordinal);
            Assert.Contains($"Version {Consent.ConsentScenario.Library.Find("neurolysis")!.Version}", page, StringComparison.Ordinal);
            Assert.Contains($"Checked on {DecisionAid.Rendering.Text.UiText.English.Date(Consent.ConsentScenario.Library.Find("neurolysis")!.Reviewed)}", page, StringComparison.Ordinal);
        });
        if (provider == DecisionAid.Records.Data.Storage.Sqlite)
            PdfText.FirstPagePng(pdf, Path.Combine(TestFolders.RepositoryRoot(), "docs", "screenshots", "handout-page1"));

        // The patient downloads the same handout from their session; nobody else can.
        var patient = clinic.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/packet/handout.pdf")).StatusCode);
        await SignedInClinic.PostFormAsync(patient, $"/p/{token}", new Dictionary<string, string> { ["BirthDate"] = "1955-05-05" });
        Assert.Equal("application/pdf", (await patient.GetAsync("/packet/handout.pdf")).Content.Headers.ContentType!.MediaType);
        var (other, _) = await clinic.NewPracticeAsync("Other Clinic");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/clinic/packets/{id}/handout.pdf")).StatusCode);
    }
}
