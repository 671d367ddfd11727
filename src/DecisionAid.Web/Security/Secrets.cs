using System.Security.Cryptography;

namespace DecisionAid.Web.Security;

/// <summary>The random secrets the site hands out: link tokens and API keys.</summary>
public static class Secrets
{
    /// <summary>256 random bits as URL-safe base64 (43 characters).</summary>
    public static string Token() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
