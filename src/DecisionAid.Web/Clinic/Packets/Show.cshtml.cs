using DecisionAid.Web.Data;
using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Clinic.Packets;

/// <summary>One packet for the clinician: its status and answers; only within the clinician's own practice (else 404).</summary>
public sealed class ShowModel(UserManager<Clinician> users, DecisionAidDb db, AidLibrary library, TimeProvider clock) : ClinicPage(users)
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
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (await Find(id) is not { } packet) return NotFound();
        packet.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.PatientSessions.Where(s => s.PacketId == packet.Id).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        return Redirect($"/clinic/packets/{id}");
    }

    private Task<Packet?> Find(Guid id) =>
        db.Packets.Include(p => p.Answers).SingleOrDefaultAsync(p => p.Id == id && p.PracticeId == Clinician.PracticeId);

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
