using DecisionAid.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Tablet;

/// <summary>
/// The only way out of tablet mode: the password of the clinician who handed the tablet over. Wrong passwords count
/// toward that clinician's lockout (5 in a row lock it for 15 minutes) and are audited; attempts are rate-limited.
/// </summary>
public sealed class UnlockModel(TabletSessions tablets, UserManager<Clinician> users, SignInManager<Clinician> signIn, Audit.AuditTrail audit) : PageModel
{
    [BindProperty] public string Password { get; set; } = "";
    public string ClinicianName { get; private set; } = "";
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await Tablet() is not { } clinician) return Redirect("/clinic/sign-in");
        ClinicianName = clinician.User.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await Tablet() is not { } current) return Redirect("/clinic/sign-in");
        var (tablet, user) = current;
        ClinicianName = user.DisplayName;
        var result = await signIn.CheckPasswordSignInAsync(user, Password ?? "", lockoutOnFailure: true);
        Password = "";
        if (!result.Succeeded)
        {
            await audit.SaveAsync(new Audit.AuditEvent(Audit.AuditActions.TabletUnlockFailed, Audit.AuditActions.Clinician(user), tablet.PracticeId,
                Detail: result.IsLockedOut ? "locked out" : "wrong password"));
            Problem = result.IsLockedOut
                ? "Too many wrong passwords: this clinician is locked out for 15 minutes. The tablet stays locked."
                : "That is not the password. Try again.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user); // the password was the last step (its second factor was given before the hand-over)
        await tablets.EndAsync(HttpContext, tablet);
        await signIn.SignInAsync(user, isPersistent: false);
        await audit.SaveAsync(new Audit.AuditEvent(Audit.AuditActions.TabletUnlocked, Audit.AuditActions.Clinician(user), tablet.PracticeId));
        return Redirect("/clinic/");
    }

    private async Task<(TabletSession Tablet, Clinician User)?> Tablet()
    {
        if (await tablets.CurrentAsync(HttpContext) is not { } tablet || await users.FindByIdAsync(tablet.ClinicianId) is not { } user) return null;
        return (tablet, user);
    }
}
