using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DecisionAid.Web.Library;

namespace DecisionAid.Web.Clinic;

/// <summary>Sets up the second factor: a TOTP key shown as a QR code and as text, confirmed by one code.</summary>
public sealed class AuthenticatorModel(UserManager<Clinician> users, SignInManager<Clinician> signIn, IUserStore<Clinician> store) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    public bool AlreadyEnabled { get; private set; }
    public string FormattedKey { get; private set; } = "";
    public string QrCode { get; private set; } = "";
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Redirect("/clinic/sign-in");
        await Prepare(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Redirect("/clinic/sign-in");
        var code = Code.Replace(" ", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Error = "That code is not right. Check the app shows DecisionAid, and type the code showing now.";
            await Prepare(user);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        return Redirect("/clinic/");
    }

    private async Task Prepare(Clinician user)
    {
        AlreadyEnabled = user.TwoFactorEnabled;
        if (AlreadyEnabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // The first key: stored without a new security stamp (Identity's reset changes it, which would end this
            // password-only session at its next request, as the stamp is checked on every one).
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<Clinician>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }
        FormattedKey = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4))))).ToLowerInvariant();
        var uri = $"otpauth://totp/DecisionAid:{Uri.EscapeDataString(user.Email ?? user.UserName!)}?secret={key}&issuer=DecisionAid&digits=6";
        QrCode = QrCodes.DataUri(uri);
    }
}
