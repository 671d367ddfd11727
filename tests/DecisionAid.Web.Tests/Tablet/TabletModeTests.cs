using System.Net;
using AngleSharp.Html.Parser;
using DecisionAid.Web.Tests.Clinic;
using DecisionAid.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tests.Tablet;

/// <summary>The waiting-room tablet over HTTP, on both databases: what is open while it is handed over, how it ends, and the way back.</summary>
public sealed class TabletModeTests
{
    public static readonly Dictionary<string, string> Packet = new()
    {
        ["Form.Aid"] = "neurolysis", ["Form.Language"] = "en", ["Form.Target"] = "celiac-plexus", ["Form.Method"] = "medicine",
        ["Form.PatientName"] = "Tabitha Tablet", ["Form.BirthDate"] = "1948-06-01",
    };

    /// <summary>A clinician's browser that made a packet and handed itself over to the patient.</summary>
    private static async Task<(SignedInClinic Clinic, HttpClient Tablet, Guid Packet)> HandedOverAsync(string provider, string show = "packet")
    {
        var clinic = new SignedInClinic(provider);
        var (tablet, _) = await clinic.NewPracticeAsync("Tablet Clinic");
        await SignedInClinic.CreatePacketAsync(tablet, Packet);
        Guid id;
        await using (var db = clinic.Database.Open()) id = (await db.Packets.SingleAsync()).Id;
        await HandOverAsync(tablet, id, show);
        return (clinic, tablet, id);
    }

    private static async Task HandOverAsync(HttpClient tablet, Guid id, string show)
    {
        var handed = await SignedInClinic.PostFormAsync(tablet, $"/clinic/packets/{id}?handler=HandToPatient", new Dictionary<string, string> { ["show"] = show }, $"/clinic/packets/{id}");
        Assert.Equal(HttpStatusCode.Redirect, handed.StatusCode);
        Assert.Equal(show == "survey" ? "/packet/survey" : "/packet", handed.Headers.Location!.OriginalString);
    }

    private static async Task<string?> Location(HttpClient browser, string url) => (await browser.GetAsync(url)).Headers.Location?.OriginalString;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Handed_over_it_shows_only_the_packet_and_every_other_address_leads_back_to_the_tablet(string provider)
    {
        var (clinic, tablet, id) = await HandedOverAsync(provider);
        using var _ = clinic;
        foreach (var url in new[] { "/clinic/", $"/clinic/packets/{id}", "/clinic/outcomes", "/clinic/sign-in", "/clinic/practice", "/en/", "/en/aids/neurolysis", "/fhir/Consent?patient=x" })
            Assert.Equal("/tablet", await Location(tablet, url));
        Assert.Equal("/packet", await Location(tablet, "/tablet"));

        var page = await (await tablet.GetAsync("/packet")).Content.ReadAsStringAsync();
        var doc = new HtmlParser().ParseDocument(page);
        Assert.Equal("300", doc.QuerySelector(".tablet-bar")!.GetAttribute("data-idle-seconds")); // the practice's default: 5 minutes
        Assert.Contains("I'm finished", doc.QuerySelector("#tablet-finish")!.TextContent, StringComparison.Ordinal);
        Assert.Null(doc.QuerySelector("a[href$='.pdf']")); // nothing to download onto a shared device
        Assert.Contains("You do not sign on this tablet", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await tablet.GetAsync("/packet/handout.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tablet.GetAsync("/packet/aftercare.pdf")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await tablet.GetAsync("/packet/consent")).StatusCode);

        // Answers save to the packet exactly as on the patient's own device.
        Assert.Equal(HttpStatusCode.Redirect, (await SignedInClinic.PostFormAsync(tablet, "/packet?handler=Answer",
            new Dictionary<string, string> { ["kind"] = "knowledge", ["item"] = "what-it-does", ["value"] = "destroys" }, "/packet")).StatusCode);
        await using var db = clinic.Database.Open();
        Assert.Equal("destroys", (await db.PacketAnswers.SingleAsync(a => a.PacketId == id && a.Kind == "knowledge")).Value);
        Assert.Contains(AuditActions.TabletHandedOver, await db.AuditEntries.Select(e => e.Action).ToListAsync());
        Assert.NotNull((await db.Packets.SingleAsync()).OpenedAt); // opened on the tablet counts as opened, for the outcomes
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Finished_or_idle_it_shows_a_welcome_screen_and_only_the_clinicians_password_brings_the_clinic_back(string provider)
    {
        var (clinic, tablet, id) = await HandedOverAsync(provider);
        using var _ = clinic;
        var finished = await SignedInClinic.PostFormAsync(tablet, "/tablet?handler=Finish", [], "/packet");
        Assert.Equal("/tablet", finished.Headers.Location!.OriginalString);
        var welcome = await tablet.GetAsync("/tablet");
        Assert.Equal(HttpStatusCode.OK, welcome.StatusCode);
        var text = await welcome.Content.ReadAsStringAsync();
        Assert.Contains("Please give this tablet to the staff", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tabitha", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Neurolysis", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/tablet", await Location(tablet, "/packet"));
        Assert.Equal("/tablet", await Location(tablet, "/clinic/"));

        // A wrong password keeps it locked, counts toward the lockout and is audited; the right one brings the clinic back.
        var wrong = await SignedInClinic.PostFormAsync(tablet, "/tablet/unlock", new Dictionary<string, string> { ["Password"] = "not the password at all" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("/tablet", await Location(tablet, "/clinic/"));
        var right = await SignedInClinic.PostFormAsync(tablet, "/tablet/unlock", new Dictionary<string, string> { ["Password"] = SignedInClinic.Password });
        Assert.Equal("/clinic/", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await tablet.GetAsync("/clinic/")).StatusCode);
        Assert.Equal("/", await Location(tablet, "/tablet")); // tablet mode is over

        // The server ends a tablet session past its idle time even when no page said so.
        await HandOverAsync(tablet, id, "packet");
        await using (var db = clinic.Database.Open())
            await db.PatientSessions.ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, DateTime.UtcNow.AddMinutes(-7)));
        Assert.Equal("/tablet", await Location(tablet, "/packet"));
        await using (var db = clinic.Database.Open())
        {
            Assert.Equal(0, await db.PatientSessions.CountAsync());
            var actions = await db.AuditEntries.Select(e => e.Action).ToListAsync();
            Assert.Contains(AuditActions.TabletFinished, actions);
            Assert.Contains(AuditActions.TabletUnlockFailed, actions);
            Assert.Contains(AuditActions.TabletUnlocked, actions);
            Assert.Equal(0, (await db.Users.SingleAsync()).AccessFailedCount); // reset by the right password
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task The_consent_opens_on_a_tablet_only_where_the_practice_allows_it_and_the_survey_can_be_handed_over_alone(string provider)
    {
        var (clinic, tablet, _) = await HandedOverAsync(provider, "survey");
        using var _c = clinic;
        Assert.Equal("/packet/survey", await Location(tablet, "/packet"));
        Assert.Contains("Question 1 of 8", await (await tablet.GetAsync("/packet/survey")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (allowed, tablet2, id2) = await HandedOverAsync(provider);
        using var _a = allowed;
        await using (var db = allowed.Database.Open()) await db.Practices.ExecuteUpdateAsync(p => p.SetProperty(x => x.SigningOnSharedDevice, true));
        Assert.Equal(HttpStatusCode.OK, (await tablet2.GetAsync("/packet/consent")).StatusCode);
        var page = await (await tablet2.GetAsync("/packet")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/packet/consent\"", page, StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, id2);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Wrong_passwords_end_tablet_mode_without_locking_the_clinician_out_and_an_expired_tablet_ends_its_patient(string provider)
    {
        var (clinic, tablet, id) = await HandedOverAsync(provider);
        using var _ = clinic;
        for (var i = 1; i < Web.Tablet.UnlockModel.MaxFailures; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await SignedInClinic.PostFormAsync(tablet, "/tablet/unlock", new Dictionary<string, string> { ["Password"] = $"wrong guess number {i}" })).StatusCode);
        var last = await SignedInClinic.PostFormAsync(tablet, "/tablet/unlock", new Dictionary<string, string> { ["Password"] = "wrong guess number 5" });
        Assert.Equal("/clinic/sign-in", last.Headers.Location!.OriginalString);
        // Tablet mode is over, the patient's session with it, and the clinic needs a full sign-in (both factors).
        Assert.Equal("/", await Location(tablet, "/tablet"));
        Assert.NotEqual(HttpStatusCode.OK, (await tablet.GetAsync("/packet")).StatusCode);
        Assert.Contains("/clinic/sign-in", await Location(tablet, "/clinic/"), StringComparison.Ordinal);
        await using (var db = clinic.Database.Open())
        {
            var clinician = await db.Users.SingleAsync();
            Assert.Equal(0, clinician.AccessFailedCount); // a patient at the tablet cannot lock the clinician's account
            Assert.Null(clinician.LockoutEnd);
            Assert.Equal(0, await db.PatientSessions.CountAsync());
        }

        // A tablet session past its end takes its patient's session with it.
        var (clinic2, tablet2, _) = await HandedOverAsync(provider);
        using var _2 = clinic2;
        Assert.Equal(HttpStatusCode.OK, (await tablet2.GetAsync("/packet")).StatusCode);
        await using (var db = clinic2.Database.Open())
            await db.TabletSessions.ExecuteUpdateAsync(t => t.SetProperty(x => x.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        Assert.NotEqual(HttpStatusCode.OK, (await tablet2.GetAsync("/packet")).StatusCode);
        Assert.NotEqual(Guid.Empty, id);
    }
}
