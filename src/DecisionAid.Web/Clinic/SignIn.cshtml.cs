using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Clinic;

/// <summary>Step one of two: the password. The same message for an unknown email, a wrong password and a locked account.</summary>
public sealed class SignInModel(SignInManager<Clinician> signIn) : PageModel
{
    public const string Failed = "The email or password is wrong, or the account is locked for a while after too many tries.";

    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return Redirect("/clinic/two-factor");
        // Signed in with the password alone: only allowed until an authenticator is set up, and only to set one up.
        if (result.Succeeded) return Redirect("/clinic/authenticator");
        Error = Failed;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
