using DecisionAid.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace DecisionAid.Web.Clinic;

/// <summary>The clinician's start page: their practice (packets come here next).</summary>
public sealed class IndexModel(UserManager<Clinician> users, DecisionAidDb db) : ClinicPage(users)
{
    public string PracticeName { get; private set; } = "";
    public string ClinicianName { get; private set; } = "";

    public async Task OnGetAsync()
    {
        ClinicianName = Clinician.DisplayName;
        PracticeName = (await db.Practices.FindAsync(Clinician.PracticeId))?.Name ?? "";
    }
}
