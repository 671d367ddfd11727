using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DecisionAid.Web.Clinic;

/// <summary>Step two: the time-based code from the clinician's authenticator app.</summary>
public sealed class TwoFactorModel(SignInManager<Clinician> signIn) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/clinic/sign-in") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return Redirect("/clinic/sign-in");
        var code = Code.Replace(" ", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded) return Redirect("/clinic/");
        Error = result.IsLockedOut ? SignInModel.Failed : "That code is not right. Codes change every 30 seconds: try the one showing now.";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
