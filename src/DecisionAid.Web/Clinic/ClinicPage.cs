using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Clinic;

/// <summary>
/// A clinic page: signed in with both factors (<see cref="ClinicPolicies.Clinician"/>). A clinician who has not set
/// up an authenticator yet is sent to do so first (the password alone opens only that page).
/// </summary>
[Authorize(Policy = ClinicPolicies.Clinician)]
public abstract class ClinicPage : PageModel
{
    /// <summary>The signed-in clinician, as the policy found them.</summary>
    public Records.Data.Clinician Clinician => ClinicPolicies.Current(HttpContext);

    /// <summary>Times as this page shows them: in the practice's time zone.</summary>
    public ClinicTime Time { get; private set; } = ClinicTime.Utc;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var db = HttpContext.RequestServices.GetRequiredService<Records.Data.DecisionAidDb>();
        Time = ClinicTime.Of(await db.Practices.Where(p => p.Id == Clinician.PracticeId).Select(p => p.TimeZone).SingleOrDefaultAsync());
        await next();
    }
}
