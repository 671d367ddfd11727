using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace DecisionAid.Web.Clinic;

/// <summary>
/// The authenticator's codes (RFC 6238: 30-second steps, 6 digits, one step of drift either way), each accepted once:
/// the newest step used is kept per clinician, so a code seen over a shoulder or in a log cannot be used again within
/// its window. The step is saved with the user's concurrency stamp, so two sign-ins racing with one code make one.
/// </summary>
public sealed class OneTimeCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<Clinician>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Clinician> manager, Clinician user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>Codes come from the clinician's app, never from the site.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<Clinician> manager, Clinician user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Clinician> manager, Clinician user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit)) return false;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, new VerificationWindow(previous: 1, future: 1))) return false;
        if (step <= user.LastTotpStep) return false;
        user.LastTotpStep = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}
