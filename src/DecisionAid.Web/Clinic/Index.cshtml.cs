using System.Globalization;
using DecisionAid.Web.Data;
using DecisionAid.Web.Library;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Clinic;

/// <summary>The clinician's start page: their practice's packets, newest first (only their practice's).</summary>
public sealed class IndexModel(UserManager<Clinician> users, DecisionAidDb db, AidLibrary library, TimeProvider clock) : ClinicPage(users)
{
    public sealed record Row(Guid Id, string Patient, string Aid, string Language, string Status, string Score, string Created);

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
        Rows = [.. packets.Select(p => new Row(p.Id, p.PatientName, p.AidId, p.Language, PacketStatus.Of(p, now),
            PacketStatus.Knowledge(p, library.Find(p.AidId)).Score, p.CreatedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))];
    }
}
