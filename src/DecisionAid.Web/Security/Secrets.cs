using System.Security.Cryptography;

namespace DecisionAid.Web.Security;

/// <summary>The random secrets the site hands out: link tokens, API keys and one-time passwords.</summary>
public static class Secrets
{
    /// <summary>256 random bits as URL-safe base64 (43 characters).</summary>
    public static string Token() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A password to type once (four groups of six hex digits, 96 bits), e.g. for a new or demo clinician.</summary>
    public static string OneTimePassword() =>
        string.Join('-', Enumerable.Range(0, 4).Select(_ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))));
}
