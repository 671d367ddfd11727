using DecisionAid.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Tablet;

/// <summary>
/// The clinic tablet's own session: a random id in a __Host- cookie, only its hash in the database. While it lasts the
/// browser is in tablet mode (see <see cref="TabletMode"/>); it ends when the clinician unlocks it or at its expiry.
/// </summary>
public sealed class TabletSessions(DecisionAidDb db, TimeProvider clock)
{
    public const string CookieName = "__Host-da-tablet";
    /// <summary>At most as long as a clinician's sign-in lasts.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <param name="signInEnds">When the clinician's own sign-in (password and second factor) ends: the tablet session, and a sign-in restored by unlocking it, end then too.</param>
    public async Task<TabletSession> StartAsync(HttpContext context, Clinician clinician, DateTimeOffset? signInEnds)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clinician);
        var now = clock.GetUtcNow().UtcDateTime;
        // Pages the clinician saw before the hand-over are dropped from the browser's cache and back-button memory.
        context.Response.Headers["Clear-Site-Data"] = "\"cache\"";
        var tablet = new TabletSession
        {
            Id = Guid.NewGuid(), IdHash = SessionCookies.Issue(context, CookieName), ClinicianId = clinician.Id, PracticeId = clinician.PracticeId, CreatedAt = now,
            ExpiresAt = signInEnds is { } ends && ends.UtcDateTime < now + Lifetime ? ends.UtcDateTime : now + Lifetime,
        };
        db.TabletSessions.Add(tablet);
        return tablet;
    }

    /// <summary>The tablet session of this browser when it is still on; null otherwise.</summary>
    public async Task<TabletSession?> CurrentAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SessionCookies.HashOf(context, CookieName) is not { } hash) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.TabletSessions.SingleOrDefaultAsync(t => t.IdHash == hash && t.EndedAt == null && t.ExpiresAt > now);
    }

    /// <summary>Ends the tablet session and every patient session on it, and drops both cookies.</summary>
    public async Task EndAsync(HttpContext context, TabletSession tablet)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tablet);
        await EndPatientAsync(context, tablet);
        tablet.EndedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        SessionCookies.Drop(context, CookieName);
    }

    /// <summary>Ends the patient's session on this tablet (the tablet stays locked, showing its welcome screen).</summary>
    public async Task EndPatientAsync(HttpContext context, TabletSession tablet)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tablet);
        await db.PatientSessions.Where(s => s.TabletId == tablet.Id).ExecuteDeleteAsync();
        SessionCookies.Drop(context, Packets.PatientSessions.CookieName);
    }
}
