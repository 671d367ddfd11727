using System.Globalization;
using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Clinic;

/// <summary>The clinician's start page: their practice's packets, newest first (only their practice's).</summary>
public sealed class IndexModel(DecisionAidDb db, AidArchive archive, TimeProvider clock) : ClinicPage
{
    public sealed record Row(Guid Id, string Patient, string Aid, string Language, string Status, string Score, string Consent, string Created);

    public string PracticeName { get; private set; } = "";
    public string ClinicianName { get; private set; } = "";
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ClinicianName = Clinician.DisplayName;
        PracticeName = (await db.Practices.FindAsync(Clinician.PracticeId))?.Name ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var packets = await db.Packets.AsNoTracking().Include(p => p.Answers)
            .Where(p => p.PracticeId == Clinician.PracticeId)
            .OrderByDescending(p => p.CreatedAt).Take(200).ToListAsync();
        var ids = packets.Select(p => p.Id).ToList();
        var decisions = (await db.ConsentDecisions.AsNoTracking().Where(d => ids.Contains(d.PacketId)).Select(d => new { d.PacketId, d.Choice, d.At }).ToListAsync())
            .GroupBy(d => d.PacketId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.At)!.Choice);
        // Only what decides the current record; the documents stay in the database.
        var records = (await db.ConsentRecords.AsNoTracking().Where(r => ids.Contains(r.PacketId))
                .Select(r => new ConsentRecord { Id = r.Id, PacketId = r.PacketId, Kind = r.Kind, SupersedesId = r.SupersedesId, SealedAt = r.SealedAt, SealKey = "", Document = "", DocumentHash = "", Hmac = "" })
                .ToListAsync())
            .GroupBy(r => r.PacketId).ToDictionary(g => g.Key, g => ConsentRecords.Current([.. g])!.Kind);
        // Each packet is scored against the answer key of the version it was made with.
        var versions = new Dictionary<(string, string), DecisionAid.Core.Content.Aid?>();
        foreach (var version in packets.Select(p => (p.AidId, p.ContentHash)).Distinct())
            versions[version] = await archive.FindAsync(db, version.AidId, version.ContentHash);
        // The aid and language in words, times in the practice's zone.
        Rows = [.. packets.Select(p => new Row(p.Id, p.PatientName, PacketStatus.Choices(p, versions[(p.AidId, p.ContentHash)]).Aid,
            Core.Content.Languages.EnglishName(p.Language), PacketStatus.Of(p, now, Time),
            PacketStatus.Knowledge(p, versions[(p.AidId, p.ContentHash)]).Score, PacketStatus.Consent(decisions.GetValueOrDefault(p.Id), records.GetValueOrDefault(p.Id)), Time.Format(p.CreatedAt)))];
    }
}
