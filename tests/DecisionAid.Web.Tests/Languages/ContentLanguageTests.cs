using System.Net;
using DecisionAid.Core.Checks;
using DecisionAid.Core.Loading;
using DecisionAid.Rendering.Text;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Data;

namespace DecisionAid.Web.Tests.Languages;

/// <summary>
/// A language no code knows, added as content files only (in a copy of the library): the checker, the site, the
/// handout PDF and a packet all speak it, and a right-to-left one is marked so.
/// </summary>
public sealed class ContentLanguageTests
{
    private const string Marker = TestLanguages.Marker;

    [Fact]
    public void The_checker_passes_a_language_added_as_content_and_says_no_formula_judged_it()
    {
        var content = TestLanguages.LibraryWithNewLanguages();
        try
        {
            var library = ContentLibrary.Load(content);
            Assert.Contains("fr", library.Languages);
            Assert.All(library.Aids, a => Assert.Contains("fr", a.Languages));
            // Judged on the day of the latest review, so the test reads the same whatever the date it runs on.
            var findings = AidChecker.Check(library, library.Aids.Max(a => a.Reviewed)).Concat(SiteTexts.Check(content, content)).ToList();
            Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
            Assert.Contains(findings, f => f.Code == FindingCodes.NoReadabilityFormula && f.Location.Path.EndsWith("/neurolysis/fr.yaml", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Fact]
    public async Task The_site_the_handout_and_a_packet_speak_a_language_added_as_content()
    {
        var content = TestLanguages.LibraryWithNewLanguages();
        try
        {
            using var clinic = new SignedInClinic(DecisionAid.Records.Data.Storage.Sqlite, new() { ["Content:Path"] = content });
            var anyone = clinic.NewBrowser();
            var index = await anyone.GetStringAsync("/fr/", TestContext.Current.CancellationToken);
            Assert.Contains("<html lang=\"fr\" dir=\"ltr\"", index, StringComparison.Ordinal);
            Assert.Contains("hreflang=\"fr\"", index, StringComparison.Ordinal);
            var page = await anyone.GetStringAsync("/fr/aids/neurolysis", TestContext.Current.CancellationToken);
            Assert.Contains($"{Marker} fr first?", page, StringComparison.Ordinal);
            Assert.Contains($"{Marker} Neurolysis", page, StringComparison.Ordinal);
            var rtl = await anyone.GetStringAsync("/he/aids/neurolysis", TestContext.Current.CancellationToken);
            Assert.Contains("<html lang=\"he\" dir=\"rtl\"", rtl, StringComparison.Ordinal);

            var (clinician, _) = await clinic.NewPracticeAsync("Language Clinic");
            var token = await SignedInClinic.CreatePacketAsync(clinician,
            [
                new("Form.Aid", "neurolysis"), new("Form.Language", "fr"), new("Form.Target", "genicular"), new("Form.Method", "heat"),
                new("Form.PatientName", "Pat Fr"), new("Form.BirthDate", "1950-03-14"),
            ]);
            var patient = clinic.NewBrowser();
            var birthDatePage = await patient.GetStringAsync($"/p/{token}", TestContext.Current.CancellationToken);
            Assert.Contains("<html lang=\"fr\"", birthDatePage, StringComparison.Ordinal);
            var opened = await SignedInClinic.PostFormAsync(patient, $"/p/{token}", new Dictionary<string, string> { ["BirthDate"] = "1950-03-14" });
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            var packet = await patient.GetStringAsync("/packet", TestContext.Current.CancellationToken);
            Assert.Contains("<html lang=\"fr\"", packet, StringComparison.Ordinal);
            Assert.Contains($"{Marker} Neurolysis", packet, StringComparison.Ordinal);
            var handout = PdfText.Read(await patient.GetByteArrayAsync("/packet/handout.pdf", TestContext.Current.CancellationToken));
            Assert.Contains($"{Marker} Neurolysis", handout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }
}
