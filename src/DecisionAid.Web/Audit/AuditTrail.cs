using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DecisionAid.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Audit;

/// <summary>What happened, to what, and who did it; the trail adds the time, the address and the chain.</summary>
public sealed record AuditEvent(string Action, string Actor, Guid? PracticeId = null, Guid? PacketId = null, Guid? ConsentId = null, string? Detail = null);

/// <summary>
/// Appends to the audit trail in the same transaction as the change it records: <see cref="SaveAsync"/> replaces
/// <c>db.SaveChangesAsync()</c>. Appends are serialised (SQLite: the write transaction; PostgreSQL: an advisory
/// lock), so the chain never forks even with several app nodes on one database.
/// </summary>
public sealed class AuditTrail(DecisionAidDb db, TimeProvider clock, IHttpContextAccessor? http = null)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private const long PostgresLockKey = 0x4441_7564_6974; // "DAudit"

    /// <summary>Saves the pending changes and the entries together: both land, or neither does.</summary>
    public async Task SaveAsync(params AuditEvent[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var own = db.Database.CurrentTransaction is null;
        await using var transaction = own ? await db.Database.BeginTransactionAsync() : null;
        var added = new List<AuditEntry>();
        try
        {
            if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})");
            var last = await db.AuditEntries.OrderByDescending(e => e.Seq).Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync();
            var (seq, previous) = last is null ? (0L, Genesis) : (last.Seq, last.Hash);
            var at = Truncate(clock.GetUtcNow().UtcDateTime);
            var ip = http?.HttpContext?.Connection.RemoteIpAddress?.ToString();
            foreach (var e in events)
            {
                var entry = new AuditEntry
                {
                    Seq = ++seq, At = at, Action = e.Action, Actor = e.Actor, PracticeId = e.PracticeId, PacketId = e.PacketId,
                    ConsentId = e.ConsentId, Ip = ip, Detail = e.Detail is { Length: > 400 } d ? d[..400] : e.Detail, PreviousHash = previous, Hash = "",
                };
                entry.Hash = HashOf(entry);
                previous = entry.Hash;
                added.Add(entry);
                db.AuditEntries.Add(entry);
            }
            await db.SaveChangesAsync();
            if (transaction is not null) await transaction.CommitAsync();
        }
        catch
        {
            // A failed save must not leave these entries queued for the next one (their numbers would be stale).
            foreach (var entry in added) db.Entry(entry).State = EntityState.Detached;
            throw;
        }
    }

    /// <summary>The hash of an entry: SHA-256 over its fields (as a JSON array, so no two entries read alike) and the hash before it.</summary>
    public static string HashOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string?[] fields =
        [
            entry.Seq.ToString(CultureInfo.InvariantCulture), Time(entry.At), entry.Action, entry.Actor, entry.PracticeId?.ToString(),
            entry.PacketId?.ToString(), entry.ConsentId?.ToString(), entry.Ip, entry.Detail, entry.PreviousHash,
        ];
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(fields))));
    }

    /// <summary>Times are kept to the millisecond, which every database stores exactly, so a hash read back matches.</summary>
    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>The names of audited actions, as stored.</summary>
public static class AuditActions
{
    public const string PacketCreated = "packet.create";
    public const string PacketOpened = "packet.open";
    public const string PacketUnlockFailed = "packet.unlock-failed";
    public const string PacketViewed = "packet.view";
    public const string PacketRevoked = "packet.revoke";
    public const string PacketExported = "packet.export";
    public const string ConsentViewed = "consent.view";
    public const string ConsentDecided = "consent.decide";
    public const string ConsentSealed = "consent.seal";
    public const string ConsentWithdrawn = "consent.withdraw";
    public const string ConsentExported = "consent.export";
    public const string StepRefused = "consent.refused";
    public const string AccessDenied = "access.denied";
}
