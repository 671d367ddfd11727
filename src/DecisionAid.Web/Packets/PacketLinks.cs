using System.Security.Cryptography;
using System.Text;
using DecisionAid.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Packets;

/// <summary>
/// The link a patient gets: 256 random bits, stored only as a SHA-256 hash, expiring (14 days by default) and
/// revocable. Opening it takes the patient's date of birth; unknown, expired, revoked and wrong all get the same
/// answer. From the fifth wrong date on, each one rests the link for 15 minutes, and the tenth ends it for good
/// (the clinician makes a new one). Failures are counted in the database in one step, so parallel guesses cannot slip past.
/// Looking at the link never uses it up.
/// </summary>
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

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    /// <summary>Checks the date of birth against the link; the packet when both are right and the link is usable.</summary>
    public async Task<Packet?> UnlockAsync(string token, DateOnly birthDate)
    {
        var packet = token.Length is < 40 or > 64 ? null : await db.Packets.SingleOrDefaultAsync(p => p.TokenHash == Hash(token));
        var now = clock.GetUtcNow().UtcDateTime;
        string? refusal = packet is null ? "unknown link"
            : packet.RevokedAt is not null ? "revoked link"
            : packet.TokenExpiresAt <= now ? "expired link"
            : packet.FailedUnlocks >= MaxFailures || (packet.UnlockBlockedUntil is { } until && until > now) ? "link resting after wrong dates of birth"
            : null;
        if (refusal is not null)
        {
            await audit.SaveAsync(Failed(packet, refusal));
            return null;
        }
        if (packet!.PatientBirthDate != birthDate)
        {
            // The count and its audit entry land together.
            await using var transaction = await audit.BeginAsync();
            await db.Packets.Where(p => p.Id == packet.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.FailedUnlocks, p => p.FailedUnlocks + 1));
            var failures = await db.Packets.Where(p => p.Id == packet.Id).Select(p => p.FailedUnlocks).SingleAsync();
            if (failures >= MaxFailures)
                await db.Packets.Where(p => p.Id == packet.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.RevokedAt, now));
            else if (failures >= FailuresPerRest)
                await db.Packets.Where(p => p.Id == packet.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.UnlockBlockedUntil, now + UnlockRest));
            await audit.SaveAsync(Failed(packet, $"wrong date of birth ({failures} in a row)"));
            await transaction.CommitAsync();
            return null;
        }
        packet.FailedUnlocks = 0;
        packet.UnlockBlockedUntil = null;
        packet.OpenedAt ??= now;
        await audit.SaveAsync(new AuditEvent(AuditActions.PacketOpened, AuditActions.Patient, packet.PracticeId, packet.Id));
        return packet;
    }

    private static AuditEvent Failed(Packet? packet, string why) =>
        new(AuditActions.PacketUnlockFailed, "anonymous", packet?.PracticeId, packet?.Id, Detail: why);

}
