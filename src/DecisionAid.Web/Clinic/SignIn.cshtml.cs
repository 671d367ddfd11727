using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Clinic;

/// <summary>
/// Step one of two: the password. The same message for an unknown email, a wrong password and a locked account, and
/// the same work: an unknown email still checks the password against a hash, so the answer's time does not tell.
/// </summary>
public sealed class SignInModel(SignInManager<Clinician> signIn, IPasswordHasher<Clinician> hasher) : PageModel
{
    public const string Failed = "The email or password is wrong, or the account is locked for a while after too many tries.";

    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    public string? Error { get; private set; }

    private static readonly Clinician Nobody = new() { DisplayName = "nobody" };
    private static string? NobodysHash;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.FindByNameAsync(Email.Trim()) is null)
        {
            hasher.VerifyHashedPassword(Nobody, NobodysHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString()), Password);
            Error = Failed;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return Redirect("/clinic/two-factor");
        // Signed in with the password alone: only allowed until an authenticator is set up, and only to set one up.
        if (result.Succeeded) return Redirect("/clinic/authenticator");
        Error = Failed;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
