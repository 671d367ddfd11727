using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DecisionAid.Web.Tests.Clinic;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Packets;

public partial class LinkSecurityTests
{
    [Fact]
    public async Task The_token_never_appears_in_a_log_line_a_final_url_or_a_referrer()
    {
        using var clinic = new SignedInClinic(Storage.Sqlite);
        var (clinician, _) = await clinic.NewPracticeAsync("Log Clinic");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Aid", "neurolysis"), new("Form.Language", "en"), new("Form.PatientName", "Pat"), new("Form.BirthDate", "1950-03-14"),
        };
        var token = await SignedInClinic.CreatePacketAsync(clinician, fields);

        var patient = clinic.NewBrowser();
        var form = await patient.GetAsync($"/p/{token}");
        Assert.Equal("no-referrer", Assert.Single(form.Headers.GetValues("Referrer-Policy")));
        var opened = await SignedInClinic.PostFormAsync(patient, $"/p/{token}", new Dictionary<string, string> { ["BirthDate"] = "1950-03-14" });
        Assert.Equal("/packet", opened.Headers.Location!.OriginalString);
        var packet = await patient.GetAsync("/packet");
        Assert.Equal(HttpStatusCode.OK, packet.StatusCode);
        Assert.DoesNotContain(token, await packet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(packet.Headers.CacheControl!.NoStore, "the packet page must not be stored by browsers or proxies");

        Assert.NotEmpty(clinic.Site.Logs);
        Assert.DoesNotContain(clinic.Site.Logs, line => line.Contains(token, StringComparison.Ordinal));
        await using var db = clinic.Database.Open();
        var stored = await db.Packets.SingleAsync();
        Assert.DoesNotContain(token, string.Join("|", stored.PatientName, stored.HealthFactors, stored.ContentHash), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_seeds_a_demo_practice_clinician_and_packet_and_production_does_not()
    {
        using var devDb = Data.TestDatabases.Create(Storage.Sqlite);
        using (var site = new SiteFactory(settings: devDb.SiteSettings(), environment: "Development"))
        {
            Assert.Equal(HttpStatusCode.OK, (await site.Client().GetAsync("/healthz")).StatusCode);
        }
        await using (var db = devDb.Open())
        {
            Assert.Equal("Demo Pain Clinic", (await db.Practices.SingleAsync()).Name);
            Assert.Equal("demo.clinician@decisionaid.example", (await db.Users.SingleAsync()).Email);
            Assert.Equal("Demo Patient", (await db.Packets.SingleAsync()).PatientName);
        }
        using var prodDb = Data.TestDatabases.Create(Storage.Sqlite);
        using (var site = new SiteFactory(settings: prodDb.SiteSettings()))
        {
            Assert.Equal(HttpStatusCode.OK, (await site.Client().GetAsync("/healthz")).StatusCode);
        }
        await using (var db = prodDb.Open()) Assert.Empty(await db.Practices.ToListAsync());
    }

}
