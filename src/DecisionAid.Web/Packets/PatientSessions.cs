using System.Security.Cryptography;
using DecisionAid.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Packets;

/// <summary>
/// After the date of birth, the patient's browser holds a session cookie (__Host-, HttpOnly, SameSite=Strict)
/// instead of the link's token; the database keeps only the hash of the session id, so any node can check it.
/// </summary>
public sealed class PatientSessions(DecisionAidDb db, TimeProvider clock)
{
    public const string CookieName = "__Host-da-patient";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public async Task StartAsync(HttpContext context, Packet packet)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(packet);
        var id = RandomNumberGenerator.GetBytes(32);
        var now = clock.GetUtcNow().UtcDateTime;
        db.PatientSessions.Add(new PatientSession { IdHash = SHA256.HashData(id), PacketId = packet.Id, CreatedAt = now, ExpiresAt = now + Lifetime });
        await db.SaveChangesAsync();
        context.Response.Cookies.Append(CookieName, Convert.ToBase64String(id), new CookieOptions
        {
            // No MaxAge: the cookie ends with the browser session; the server ends the session after 12 hours anyway.
            HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true,
        });
    }

    /// <summary>The packet of the patient's current session, or null (no cookie, unknown, expired or revoked).</summary>
    public async Task<Packet?> CurrentAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value)) return null;
        byte[] id;
        try
        {
            id = Convert.FromBase64String(value);
        }
        catch (FormatException)
        {
            return null;
        }
        var hash = SHA256.HashData(id);
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await db.PatientSessions.SingleOrDefaultAsync(s => s.IdHash == hash && s.ExpiresAt > now);
        if (session is null) return null;
        var packet = await db.Packets.Include(p => p.Answers).SingleOrDefaultAsync(p => p.Id == session.PacketId);
        return packet is null || packet.RevokedAt is not null ? null : packet;
    }
}
