using System.Security.Cryptography;
using System.Text;
using DecisionAid.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Packets;

/// <summary>
/// The link a patient gets: 256 random bits, stored only as a SHA-256 hash, expiring (14 days by default) and
/// revocable. Opening it takes the patient's date of birth; unknown and wrong get the same answer, and a link that
/// rests or has ended says so (its holder has the 256-bit token, so this tells a guesser nothing new). From the fifth
/// wrong date on, each one rests the link for 15 minutes, and the tenth ends it for good (the clinician makes a new one).
/// Looking at the link never uses it up.
/// </summary>
/// <summary>What opening a link came to.</summary>
public enum UnlockOutcome
{
    /// <summary>The date and the link are right and the link is usable.</summary>
    Open,
    /// <summary>A wrong date of birth, or a link we do not know: one answer for both.</summary>
    WrongOrUnknown,
    /// <summary>Resting after wrong dates of birth: try again later.</summary>
    Resting,
    /// <summary>Revoked, expired or ended after too many wrong dates: the care team makes a new link.</summary>
    Ended,
}

public sealed record Unlock(UnlockOutcome Outcome, Packet? Packet = null, DateTime? RestingUntil = null);

public sealed class PacketLinks(DecisionAidDb db, TimeProvider clock, IConfiguration config, AuditTrail audit)
{
    public const int FailuresPerRest = 5;
    public const int MaxFailures = 10;
    public static readonly TimeSpan UnlockRest = TimeSpan.FromMinutes(15);

    public TimeSpan Lifetime => TimeSpan.FromDays(config.GetValue("Packets:LinkDays", 14));

    /// <summary>The patient's link, at the site's public address (see <see cref="Library.PublicAddress"/>).</summary>
    public string LinkFor(string token, HttpRequest request) => $"{Library.PublicAddress.Of(config, request)}/p/{token}";

    public static (string Token, byte[] Hash) NewToken()
    {
        var token = Secrets.Token();
        return (token, Hash(token));
    }

    /// <summary>Whether the text can be a token at all (Base64url of 256 bits, with room): anything else is not looked up.</summary>
    public static bool Plausible(string token) => token is { Length: >= 40 and <= 64 };

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    /// <summary>
    /// Checks the date of birth against the link. Every attempt takes the audit trail's lock before it reads the link,
    /// so attempts are judged one after another: a burst of guesses meets the rest or the end as soon as the count
    /// reaches it, and a right date inside the burst is refused like the others.
    /// </summary>
    public async Task<Unlock> UnlockAsync(string token, DateOnly birthDate)
    {
        if (!Plausible(token))
        {
            await audit.SaveAsync(Failed(null, "unknown link"));
            return new Unlock(UnlockOutcome.WrongOrUnknown);
        }
        var hash = Hash(token);
        await using var transaction = await audit.BeginAsync();
        var packet = await db.Packets.SingleOrDefaultAsync(p => p.TokenHash == hash);
        var now = clock.GetUtcNow().UtcDateTime;
        var state = packet is null ? new Unlock(UnlockOutcome.WrongOrUnknown) : StateOf(packet, now);
        if (state.Outcome != UnlockOutcome.Open)
        {
            await audit.SaveAsync(Failed(packet, state.Outcome switch
            {
                UnlockOutcome.Resting => "link resting after wrong dates of birth",
                UnlockOutcome.Ended => packet!.RevokedAt is not null ? "revoked link" : "expired link",
                _ => "unknown link",
            }));
            await transaction.CommitAsync();
            return state;
        }
        if (packet!.PatientBirthDate != birthDate)
        {
            var failures = ++packet.FailedUnlocks;
            if (failures >= FailuresPerRest && failures < MaxFailures) packet.UnlockBlockedUntil = now + UnlockRest;
            await audit.SaveAsync(Failed(packet, $"wrong date of birth ({failures} in a row)"));
            await transaction.CommitAsync();
            var after = StateOf(packet, now);
            return after.Outcome == UnlockOutcome.Open ? new Unlock(UnlockOutcome.WrongOrUnknown) : after;
        }
        packet.FailedUnlocks = 0;
        packet.UnlockBlockedUntil = null;
        packet.OpenedAt ??= now;
        await audit.SaveAsync(new AuditEvent(AuditActions.PacketOpened, AuditActions.Patient, packet.PracticeId, packet.Id));
        await transaction.CommitAsync();
        return new Unlock(UnlockOutcome.Open, packet);
    }

    /// <summary>
    /// A new link for the packet (the clinician's, after the old one rested, ended or was lost): the old token stops
    /// working, the count of wrong dates starts again, and the patient's answers stay. A revoked packet gets none.
    /// </summary>
    public async Task<string?> RenewAsync(Packet packet, string actor)
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (packet.RevokedAt is not null) return null;
        var (token, hash) = NewToken();
        await using var transaction = await audit.BeginAsync();
        packet.TokenHash = hash;
        packet.TokenExpiresAt = clock.GetUtcNow().UtcDateTime + Lifetime;
        packet.FailedUnlocks = 0;
        packet.UnlockBlockedUntil = null;
        await audit.SaveAsync(new AuditEvent(AuditActions.PacketNewLink, actor, packet.PracticeId, packet.Id, Detail: "a new link; the old one ended"));
        await transaction.CommitAsync();
        return token;
    }

    /// <summary>Whether the link opens now: resting (until when), or ended (revoked, expired, or too many wrong dates).</summary>
    public static Unlock StateOf(Packet packet, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (packet.RevokedAt is not null || packet.TokenExpiresAt <= now || packet.FailedUnlocks >= MaxFailures) return new Unlock(UnlockOutcome.Ended);
        if (packet.UnlockBlockedUntil is { } until && until > now) return new Unlock(UnlockOutcome.Resting, RestingUntil: until);
        return new Unlock(UnlockOutcome.Open, packet);
    }

    private static AuditEvent Failed(Packet? packet, string why) =>
        new(AuditActions.PacketUnlockFailed, "anonymous", packet?.PracticeId, packet?.Id, Detail: why);

}
