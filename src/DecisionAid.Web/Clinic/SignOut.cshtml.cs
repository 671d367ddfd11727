using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Clinic;

public sealed class SignOutModel(SignInManager<Clinician> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/clinic/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/clinic/sign-in");
    }
}
