using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Clinic.Packets;

/// <summary>One packet for the clinician: its status and answers; only within the clinician's own practice (else 404).</summary>
public sealed class ShowModel(
    SignInManager<Clinician> signInManager, DecisionAidDb db, AidArchive archive, TimeProvider clock, AuditTrail audit,
    Tablet.TabletSessions tablets, Web.Packets.PatientSessions sessions, Web.Packets.SurveyLinks surveyLinks, Web.Packets.PacketLinks links) : ClinicPage
{
    /// <summary>A survey link just made: shown once (only its hash is kept).</summary>
    public string? SurveyLink { get; private set; }
    public int SurveyLinkDays => (int)surveyLinks.Lifetime.TotalDays;

    public Packet Packet { get; private set; } = default!;
    public string Status { get; private set; } = "";
    public string Score { get; private set; } = "";
    public IReadOnlyList<string> Missed { get; private set; } = [];
    public string SureSummary { get; private set; } = "";
    public bool SureConflict { get; private set; }
    public string? Satisfaction { get; private set; }
    public string? Questions { get; private set; }
    public IReadOnlyList<(string Statement, string Rating)> ValueRatings { get; private set; } = [];
    public IReadOnlyList<(string Question, string Answer)> SurveyAnswers { get; private set; } = [];
    public PacketChoiceWords Choices { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await Find(id) is not { } packet) return NotFound();
        await ShowAsync(packet);
        await audit.SaveAsync(new AuditEvent(AuditActions.PacketViewed, AuditActions.Clinician(Clinician), packet.PracticeId, packet.Id));
        return Page();
    }

    /// <summary>Ends the packet; the form's box must be ticked, so a stray click cannot do it.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id, string? confirm)
    {
        if (await Find(id) is not { } packet) return NotFound();
        if (confirm != "yes")
        {
            await ShowAsync(packet);
            Problem = "The packet was not revoked: tick the box that says its links stop working, then press the button again.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        packet.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await using var transaction = await audit.BeginAsync();
        await db.PatientSessions.Where(s => s.PacketId == packet.Id).ExecuteDeleteAsync();
        await audit.SaveAsync(new AuditEvent(AuditActions.PacketRevoked, AuditActions.Clinician(Clinician), packet.PracticeId, packet.Id));
        await transaction.CommitAsync();
        return Redirect($"/clinic/packets/{id}");
    }

    /// <summary>
    /// "Hand to patient": this browser becomes a locked clinic tablet showing only this packet (or only its post-visit
    /// survey). The clinician is signed out here; only their password at /tablet/unlock brings the clinic pages back.
    /// </summary>
    public async Task<IActionResult> OnPostHandToPatientAsync(Guid id, string? show)
    {
        if (await Find(id) is not { } packet) return NotFound();
        if (packet.RevokedAt is not null || show is not ("packet" or "survey"))
        {
            await ShowAsync(packet);
            Problem = packet.RevokedAt is not null ? "This packet's link is revoked: it cannot be handed to the patient." : "Choose the packet or the survey.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var practice = (await db.Practices.FindAsync(packet.PracticeId))!;
        if (show == "packet") packet.OpenedAt ??= clock.GetUtcNow().UtcDateTime; // opened on the tablet, as a link is opened
        await using var transaction = await audit.BeginAsync();
        var signIn = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var tablet = await tablets.StartAsync(HttpContext, Clinician, signIn.Properties?.ExpiresUtc);
        await db.SaveChangesAsync();
        await sessions.StartAsync(HttpContext, packet, show == "survey" ? PatientSession.SurveyScope : PatientSession.PacketScope, tablet,
            Math.Clamp(practice.TabletIdleMinutes, 1, 60) * 60);
        await audit.SaveAsync(new AuditEvent(AuditActions.TabletHandedOver, AuditActions.Clinician(Clinician), packet.PracticeId, packet.Id, Detail: show));
        await transaction.CommitAsync();
        await signInManager.SignOutAsync();
        return Redirect(show == "survey" ? "/packet/survey" : "/packet");
    }

    /// <summary>A new patient link (the old one ends), shown once with its QR code.</summary>
    public async Task<IActionResult> OnPostNewLinkAsync(Guid id)
    {
        if (await Find(id) is not { } packet) return NotFound();
        var token = await links.RenewAsync(packet, AuditActions.Clinician(Clinician));
        await ShowAsync(packet);
        if (token is null)
        {
            Problem = "This packet is revoked: make a new packet instead.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        NewLink = links.LinkFor(token, Request);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The new patient link, shown once after <see cref="OnPostNewLinkAsync"/>.</summary>
    public string? NewLink { get; private set; }

    /// <summary>Makes the post-visit survey's link (a new one replaces the old); shown once on this page with its QR code.</summary>
    public async Task<IActionResult> OnPostSurveyLinkAsync(Guid id)
    {
        if (await Find(id) is not { } packet) return NotFound();
        await ShowAsync(packet);
        if (packet.RevokedAt is not null)
        {
            Problem = "This packet's link is revoked: make a new packet for a survey.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        SurveyLink = await surveyLinks.MakeAsync(packet, Clinician, Request);
        return Page();
    }

    public string? Problem { get; private set; }

    /// <summary>The packet when it is this practice's; otherwise null, and the attempt is audited.</summary>
    private async Task<Packet?> Find(Guid id)
    {
        var packet = await db.Packets.Include(p => p.Answers).SingleOrDefaultAsync(p => p.Id == id);
        if (packet is not null && packet.PracticeId == Clinician.PracticeId) return packet;
        await audit.SaveAsync(new AuditEvent(AuditActions.AccessDenied, AuditActions.Clinician(Clinician), Clinician.PracticeId, packet?.Id,
            Detail: $"packet {id}: {(packet is null ? "no such packet" : "another practice")}"));
        return null;
    }

    private async Task ShowAsync(Packet packet)
    {
        Packet = packet;
        Status = PacketStatus.Of(packet, clock.GetUtcNow().UtcDateTime, Time);
        var aid = await archive.ForPacketAsync(db, packet);
        Choices = PacketStatus.Choices(packet, aid);
        (Score, Missed) = PacketStatus.Knowledge(packet, aid);
        (SureSummary, SureConflict) = PacketStatus.Sure(packet);
        Satisfaction = packet.Answers.FirstOrDefault(a => a.Kind == "satisfaction")?.Value;
        Questions = packet.Answers.FirstOrDefault(a => a.Kind == "questions")?.Value;
        var survey = DecisionAid.Rendering.Text.SurveyText.English;
        SurveyAnswers = [.. DecisionAid.Core.Surveys.VisitSurvey.Items
            .Select(i => (i, packet.Answers.FirstOrDefault(a => a.Kind == AnswerKinds.Survey && a.ItemId == i.Id)?.Value))
            .Where(x => x.Value is not null)
            .Select(x => (survey.Questions[x.i.Id], $"{survey.Label(x.i, x.Value!)}{(x.Value == DecisionAid.Core.Surveys.VisitSurvey.Skipped ? "" : $" ({x.Value} of 5)")}"))];
        var scale = DecisionAid.Rendering.Text.UiText.English.ImportanceScale;
        ValueRatings = aid is null ? [] : [.. aid.Values
            .Select(v => (v, packet.Answers.FirstOrDefault(a => a.Kind == "value" && a.ItemId == v.Id)?.Value))
            .Where(x => x.Value is not null)
            .Select(x => (aid.Texts["en"].Values[x.v.Id].Value, scale[int.Parse(x.Value!, System.Globalization.CultureInfo.InvariantCulture) - 1]))];
    }
}
