using System.Security.Cryptography;

namespace DecisionAid.Web.Security;

/// <summary>
/// The site's own session cookies (a patient's, a clinic tablet's): 256 random bits in a __Host- cookie (HttpOnly,
/// Secure, SameSite=Strict, ending with the browser session); the database keeps only the SHA-256 of the id.
/// </summary>
public static class SessionCookies
{
    private static CookieOptions Options => new() { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true };

    /// <summary>Sets a new session cookie; returns the hash to store.</summary>
    public static byte[] Issue(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = RandomNumberGenerator.GetBytes(32);
        context.Response.Cookies.Append(name, Convert.ToBase64String(id), Options);
        return SHA256.HashData(id);
    }

    /// <summary>The hash of the request's session id, or null when it has none (or not a well-formed one).</summary>
    public static byte[]? HashOf(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(name, out var value)) return null;
        var id = new byte[32];
        return Convert.TryFromBase64String(value, id, out var length) && length == 32 ? SHA256.HashData(id) : null;
    }

    public static void Drop(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(name, Options);
    }
}
