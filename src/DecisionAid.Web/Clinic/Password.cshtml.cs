using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Clinic;

/// <summary>
/// A clinician changes their password with the current one. A one-time password (a new account, a reset) sends every
/// clinic page here until it is changed; changing it ends the clinician's other sessions (a new security stamp).
/// </summary>
public sealed class PasswordModel(UserManager<Clinician> users, SignInManager<Clinician> signIn, AuditTrail audit) : PageModel
{
    [BindProperty] public string Current { get; set; } = "";
    [BindProperty] public string New { get; set; } = "";
    [BindProperty] public string Confirm { get; set; } = "";
    public List<string> Errors { get; } = [];
    public bool Changed { get; private set; }
    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { RemovedAt: null } clinician) return Redirect("/clinic/sign-in");
        Required = clinician.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { RemovedAt: null } clinician) return Redirect("/clinic/sign-in");
        Required = clinician.MustChangePassword;
        if (New != Confirm) Errors.Add("The new password and its repeat are not the same.");
        else if (New == Current) Errors.Add("The new password must differ from the current one.");
        else
        {
            var result = await users.ChangePasswordAsync(clinician, Current, New);
            Errors.AddRange(result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "The current password is not right." : e.Description));
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        clinician.MustChangePassword = false;
        await users.UpdateAsync(clinician);
        await audit.SaveAsync(new AuditEvent(AuditActions.PasswordChanged, AuditActions.Clinician(clinician), clinician.PracticeId));
        // This session carries the new stamp; the clinician's other sessions end.
        await signIn.RefreshSignInAsync(clinician);
        Changed = true;
        Required = false;
        return Page();
    }
}
