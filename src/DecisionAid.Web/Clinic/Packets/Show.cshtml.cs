using DecisionAid.Web.Data;
using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Clinic.Packets;

/// <summary>One packet for the clinician: its status and answers; only within the clinician's own practice (else 404).</summary>
public sealed class ShowModel(UserManager<Clinician> users, DecisionAidDb db, AidLibrary library, TimeProvider clock, Audit.AuditTrail audit) : ClinicPage(users)
{
    public Packet Packet { get; private set; } = default!;
    public string Status { get; private set; } = "";
    public string Score { get; private set; } = "";
    public IReadOnlyList<string> Missed { get; private set; } = [];
    public string SureSummary { get; private set; } = "";
    public bool SureConflict { get; private set; }
    public string? Satisfaction { get; private set; }
    public string? Questions { get; private set; }
    public IReadOnlyList<(string Statement, string Rating)> ValueRatings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await Find(id) is not { } packet) return NotFound();
        Show(packet);
        await audit.SaveAsync(new Audit.AuditEvent(Audit.AuditActions.PacketViewed, Audit.AuditActions.Clinician(Clinician), packet.PracticeId, packet.Id));
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (await Find(id) is not { } packet) return NotFound();
        packet.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await using var transaction = await audit.BeginAsync();
        await db.PatientSessions.Where(s => s.PacketId == packet.Id).ExecuteDeleteAsync();
        await audit.SaveAsync(new Audit.AuditEvent(Audit.AuditActions.PacketRevoked, Audit.AuditActions.Clinician(Clinician), packet.PracticeId, packet.Id));
        await transaction.CommitAsync();
        return Redirect($"/clinic/packets/{id}");
    }

    /// <summary>The packet when it is this practice's; otherwise null, and the attempt is audited.</summary>
    private async Task<Packet?> Find(Guid id)
    {
        var packet = await db.Packets.Include(p => p.Answers).SingleOrDefaultAsync(p => p.Id == id);
        if (packet is not null && packet.PracticeId == Clinician.PracticeId) return packet;
        await audit.SaveAsync(new Audit.AuditEvent(Audit.AuditActions.AccessDenied, Audit.AuditActions.Clinician(Clinician), Clinician.PracticeId, packet?.Id,
            Detail: $"packet {id}: {(packet is null ? "no such packet" : "another practice")}"));
        return null;
    }

    private void Show(Packet packet)
    {
        Packet = packet;
        Status = PacketStatus.Of(packet, clock.GetUtcNow().UtcDateTime);
        var aid = library.Find(packet.AidId);
        (Score, Missed) = PacketStatus.Knowledge(packet, aid);
        (SureSummary, SureConflict) = PacketStatus.Sure(packet);
        Satisfaction = packet.Answers.FirstOrDefault(a => a.Kind == "satisfaction")?.Value;
        Questions = packet.Answers.FirstOrDefault(a => a.Kind == "questions")?.Value;
        var scale = DecisionAid.Rendering.Text.UiText.English.ImportanceScale;
        ValueRatings = aid is null ? [] : [.. aid.Values
            .Select(v => (v, packet.Answers.FirstOrDefault(a => a.Kind == "value" && a.ItemId == v.Id)?.Value))
            .Where(x => x.Value is not null)
            .Select(x => (aid.Texts["en"].Values[x.v.Id].Value, scale[int.Parse(x.Value!, System.Globalization.CultureInfo.InvariantCulture) - 1]))];
    }
}
