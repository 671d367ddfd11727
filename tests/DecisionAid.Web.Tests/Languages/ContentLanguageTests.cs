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
    private const string Marker = "XXLANG";

    /// <summary>A copy of the shipped library with "xx" (left to right) and "yy" (right to left) added as content.</summary>
    internal static string LibraryWithNewLanguages()
    {
        var content = TestFolders.NewTemp("pda-languages");
        TestFolders.Copy(TestFolders.ShippedContent(), content);
        var registry = Path.Combine(content, "_site", "languages.yaml");
        File.AppendAllText(registry, Entry("xx", "ltr") + Entry("yy", "rtl"));
        foreach (var code in new[] { "xx", "yy" })
        {
            // The interface: English words with a marker, so the page shows which file it read.
            var site = File.ReadAllText(Path.Combine(content, "_site", "en.yaml"))
                .Replace("language: en", $"language: {code}", StringComparison.Ordinal)
                .Replace("in_short: \"What should you know first?\"", $"in_short: \"{Marker} {code} first?\"", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(content, "_site", code + ".yaml"), site);
            foreach (var aid in Directory.EnumerateDirectories(content).Where(d => File.Exists(Path.Combine(d, "aid.yaml"))))
            {
                var words = File.ReadAllLines(Path.Combine(aid, "en.yaml"))
                    .Select(l => l.StartsWith("language: ", StringComparison.Ordinal) ? $"language: {code}"
                        : l.StartsWith("title: ", StringComparison.Ordinal) ? $"title: {Marker} {l["title: ".Length..]}" : l);
                File.WriteAllLines(Path.Combine(aid, code + ".yaml"), words);
            }
        }
        return content;
    }

    private static string Entry(string code, string direction) => $"""

          - code: {code}
            name: Test {code}
            english_name: Test language {code}
            culture: en-US
            direction: {direction}
            date: "yyyy-MM-dd"
            numbers: {"{"} group: ",", group_from: 1000, decimal: "." {"}"}
            people: people
            chance: "{"{count}"} in {"{denominator}"}"
            range: "{"{low}"} to {"{high}"}"
            caption: "{"{chance}"} {"{unit}"}"
            readability: sentence-length

        """;

    [Fact]
    public void The_checker_passes_a_language_added_as_content_and_says_no_formula_judged_it()
    {
        var content = LibraryWithNewLanguages();
        try
        {
            var library = ContentLibrary.Load(content);
            Assert.Contains("xx", library.Languages);
            Assert.All(library.Aids, a => Assert.Contains("xx", a.Languages));
            var findings = AidChecker.Check(library, new DateOnly(2026, 12, 4)).Concat(SiteTexts.Check(content, content)).ToList();
            Assert.DoesNotContain(findings, f => f.Severity == Severity.Error);
            Assert.Contains(findings, f => f.Code == FindingCodes.NoReadabilityFormula && f.Location.Path.EndsWith("/neurolysis/xx.yaml", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }

    [Fact]
    public async Task The_site_the_handout_and_a_packet_speak_a_language_added_as_content()
    {
        var content = LibraryWithNewLanguages();
        try
        {
            using var clinic = new SignedInClinic(DecisionAid.Records.Data.Storage.Sqlite, new() { ["Content:Path"] = content });
            var anyone = clinic.NewBrowser();
            var index = await anyone.GetStringAsync("/xx/", TestContext.Current.CancellationToken);
            Assert.Contains("<html lang=\"xx\" dir=\"ltr\"", index, StringComparison.Ordinal);
            Assert.Contains("hreflang=\"xx\"", index, StringComparison.Ordinal);
            var page = await anyone.GetStringAsync("/xx/aids/neurolysis", TestContext.Current.CancellationToken);
            Assert.Contains($"{Marker} xx first?", page, StringComparison.Ordinal);
            Assert.Contains($"{Marker} Neurolysis", page, StringComparison.Ordinal);
            var rtl = await anyone.GetStringAsync("/yy/aids/neurolysis", TestContext.Current.CancellationToken);
            Assert.Contains("<html lang=\"yy\" dir=\"rtl\"", rtl, StringComparison.Ordinal);

            var (clinician, _) = await clinic.NewPracticeAsync("Language Clinic");
            var token = await SignedInClinic.CreatePacketAsync(clinician,
            [
                new("Form.Aid", "neurolysis"), new("Form.Language", "xx"), new("Form.Target", "genicular"), new("Form.Method", "heat"),
                new("Form.PatientName", "Pat Xx"), new("Form.BirthDate", "1950-03-14"),
            ]);
            var patient = clinic.NewBrowser();
            var birthDatePage = await patient.GetStringAsync($"/p/{token}", TestContext.Current.CancellationToken);
            Assert.Contains("<html lang=\"xx\"", birthDatePage, StringComparison.Ordinal);
            var opened = await SignedInClinic.PostFormAsync(patient, $"/p/{token}", new Dictionary<string, string> { ["BirthDate"] = "1950-03-14" });
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            var packet = await patient.GetStringAsync("/packet", TestContext.Current.CancellationToken);
            Assert.Contains("<html lang=\"xx\"", packet, StringComparison.Ordinal);
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
