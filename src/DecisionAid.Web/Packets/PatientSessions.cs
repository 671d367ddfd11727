using DecisionAid.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Packets;

/// <summary>
/// The patient's session: their packet, what it opens (the packet or only the survey), and the tablet it is on with
/// its idle time (both null on the patient's own device).
/// </summary>
public sealed record PatientVisit(Packet Packet, string Scope, Guid? TabletId, int? IdleSeconds)
{
    public bool OnTablet => TabletId is not null;
    public bool WholePacket => Scope == PatientSession.PacketScope;
}

/// <summary>
/// After the date of birth (or the survey link, or a clinician's hand-off on a clinic tablet), the patient's browser
/// holds a session cookie (__Host-, HttpOnly, SameSite=Strict) instead of the link's token; the database keeps only
/// the hash of the session id, so any node can check it. A tablet session also ends after its idle time without a
/// touch: the tablet's page ends it on time, and the server refuses it a minute later should the page not.
/// </summary>
public sealed class PatientSessions(DecisionAidDb db, TimeProvider clock)
{
    public const string CookieName = "__Host-da-patient";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);
    /// <summary>How long the server waits past a tablet's idle time (the page's own timer and its "still here" pings come first).</summary>
    public static readonly TimeSpan IdleGrace = TimeSpan.FromMinutes(1);

    public async Task StartAsync(HttpContext context, Packet packet, string scope = PatientSession.PacketScope, TabletSession? tablet = null, int? idleSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(packet);
        var now = clock.GetUtcNow().UtcDateTime;
        db.PatientSessions.Add(new PatientSession
        {
            IdHash = SessionCookies.Issue(context, CookieName), PacketId = packet.Id, CreatedAt = now, LastSeenAt = now, ExpiresAt = now + Lifetime,
            Scope = scope, TabletId = tablet?.Id, IdleSeconds = tablet is null ? null : idleSeconds,
        });
        await db.SaveChangesAsync(); // the server ends the session after 12 hours, whatever the browser does
    }

    /// <summary>Where a request without a patient session goes: the tablet's own screen on a clinic tablet, else the public site.</summary>
    public static string NoSessionPage(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies.ContainsKey(Tablet.TabletSessions.CookieName) ? "/tablet" : $"/{Library.LanguageRouting.Negotiate(request)}/";
    }

    /// <summary>The packet of the patient's current session when it opens the whole packet; null otherwise (no cookie, unknown, expired, idle, revoked, or survey only).</summary>
    public async Task<Packet?> CurrentAsync(HttpContext context) =>
        await VisitAsync(context) is { WholePacket: true } visit ? visit.Packet : null;

    /// <summary>The packet when the whole packet is open on the patient's own device: downloads are never offered on a shared tablet.</summary>
    public async Task<Packet?> OwnDeviceAsync(HttpContext context) =>
        await VisitAsync(context) is { WholePacket: true, OnTablet: false } visit ? visit.Packet : null;

    /// <summary>The patient's current session, or null. A tablet session counts this request as a touch unless <paramref name="touch"/> is false.</summary>
    public async Task<PatientVisit?> VisitAsync(HttpContext context, bool touch = true)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SessionCookies.HashOf(context, CookieName) is not { } hash) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await db.PatientSessions.SingleOrDefaultAsync(s => s.IdHash == hash && s.ExpiresAt > now);
        if (session is null) return null;
        // A tablet's patient session ends with its idle time, and with the tablet's own session (ended or expired).
        var over = session.IdleSeconds is { } idle && session.LastSeenAt + TimeSpan.FromSeconds(idle) + IdleGrace < now;
        if (!over && session.TabletId is { } tablet)
            over = !await db.TabletSessions.AnyAsync(t => t.Id == tablet && t.EndedAt == null && t.ExpiresAt > now);
        if (over)
        {
            await db.PatientSessions.Where(s => s.IdHash == hash).ExecuteDeleteAsync();
            return null;
        }
        if (session.TabletId is not null && touch)
            await db.PatientSessions.Where(s => s.IdHash == hash).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now));
        var packet = await db.Packets.Include(p => p.Answers).SingleOrDefaultAsync(p => p.Id == session.PacketId);
        return packet is null || packet.RevokedAt is not null ? null : new PatientVisit(packet, session.Scope, session.TabletId, session.IdleSeconds);
    }

    /// <summary>Ends this browser's patient session (server and cookie).</summary>
    public async Task EndAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SessionCookies.HashOf(context, CookieName) is { } hash) await db.PatientSessions.Where(s => s.IdHash == hash).ExecuteDeleteAsync();
        SessionCookies.Drop(context, CookieName);
    }
}
