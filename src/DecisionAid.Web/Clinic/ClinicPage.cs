using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

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
}
