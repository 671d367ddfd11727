using System.Net;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Library;

/// <summary>A packet always shows the content version it was made with, after a new version is published and the site restarts.</summary>
public sealed class PinnedVersionTests
{
    private const string NewVersion = "9.9.9";

    private const string OldWords = "It is for bad, long-lasting pain that is not likely to get better.";
    private const string NewWords = "It is for strong pain that has lasted a long time and is not likely to get better.";

    private static List<KeyValuePair<string, string>> Fields(string name) =>
    [
        new("Form.Aid", "neurolysis"), new("Form.Language", "en"), new("Form.Target", "genicular"), new("Form.Method", "heat"),
        new("Form.PatientName", name), new("Form.BirthDate", "1950-03-14"),
    ];

    private static async Task<string> PacketPageAsync(SignedInClinic clinic, string token) => (await OpenAsync(clinic, token)).Page;

    private static async Task<(HttpClient Patient, string Page)> OpenAsync(SignedInClinic clinic, string token)
    {
        var patient = clinic.NewBrowser();
        var opened = await SignedInClinic.PostFormAsync(patient, $"/p/{token}", new Dictionary<string, string> { ["BirthDate"] = "1950-03-14" });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return (patient, await (await patient.GetAsync("/packet")).Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task An_old_packet_keeps_its_words_and_hash_after_a_new_version_is_published_and_the_site_restarts(string provider)
    {
        var content = TestFolders.NewTemp("pda-content");
        try
        {
            TestFolders.Copy(TestFolders.ShippedContent(), content);
            using var clinic = new SignedInClinic(provider, new() { ["Content:Path"] = content });
            var (clinician, _) = await clinic.NewPracticeAsync("Pinned Clinic");
            var oldToken = await SignedInClinic.CreatePacketAsync(clinician, Fields("Old Version"));
            Assert.Contains(OldWords, await PacketPageAsync(clinic, oldToken), StringComparison.Ordinal);

            // Publish a new version with changed words, and start the site again on the same database.
            var oldVersion = Consent.ConsentScenario.Library.Find("neurolysis")!.Version;
            await NewContentVersion.WriteAsync(content, "neurolysis", oldVersion, NewVersion, text => text.Replace(OldWords, NewWords, StringComparison.Ordinal));
            clinic.Restart();
            var (newClinician, _) = await clinic.NewPracticeAsync("New Clinic");
            var newToken = await SignedInClinic.CreatePacketAsync(newClinician, Fields("New Version"));

            var (oldPatient, oldPage) = await OpenAsync(clinic, oldToken);
            Assert.Contains(OldWords, oldPage, StringComparison.Ordinal);
            Assert.DoesNotContain(NewWords, oldPage, StringComparison.Ordinal);
            var newPage = await PacketPageAsync(clinic, newToken);
            Assert.Contains(NewWords, newPage, StringComparison.Ordinal);

            await using var db = clinic.Database.Open();
            var packets = await db.Packets.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
            var old = packets.Single(p => p.PatientName == "Old Version");
            var fresh = packets.Single(p => p.PatientName == "New Version");
            Assert.Equal(oldVersion, old.ContentVersion);
            Assert.Equal(NewVersion, fresh.ContentVersion);
            Assert.NotEqual(old.ContentHash, fresh.ContentHash);
            // Both versions are kept, each under its own hash, and outcomes count each packet under its own version.
            Assert.Equal(2, await db.PublishedAids.CountAsync(p => p.AidId == "neurolysis", TestContext.Current.CancellationToken));
            Assert.Equal([oldVersion, NewVersion], packets.Select(p => p.ContentVersion).Order(StringComparer.Ordinal).ToArray());

            // The old packet's handout is printed from its own version too.
            var handout = PdfText.Read(await (await oldPatient.GetAsync("/packet/handout.pdf")).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            Assert.Contains($"Version {oldVersion}", handout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(content, recursive: true);
        }
    }
}
