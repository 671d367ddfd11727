using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Clinic;

/// <summary>Signing out ends the session on the server too: a new security stamp makes a copied cookie worthless.</summary>
public sealed class SignOutModel(SignInManager<Clinician> signIn, UserManager<Clinician> users) : PageModel
{
    public IActionResult OnGet() => Redirect("/clinic/");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } clinician) await users.UpdateSecurityStampAsync(clinician);
        await signIn.SignOutAsync();
        return Redirect("/clinic/sign-in");
    }
}
