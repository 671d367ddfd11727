using Microsoft.AspNetCore.Http;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DecisionAid.Records.Consent;
using DecisionAid.Records.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DecisionAid.Records.Audit;

/// <summary>
/// What happened, to what, and who did it; the trail adds the time, the chain and the address of the request it
/// runs in. An event saved away from its request (by <c>PacketGroupCommit</c>'s writer) carries that request's <paramref name="Address"/>.
/// </summary>
public sealed record AuditEvent(
    string Action, string Actor, Guid? PracticeId = null, Guid? PacketId = null, Guid? ConsentId = null, string? Detail = null, string? Address = null);

/// <summary>
/// Appends to the audit trail in the same transaction as the change it records. Writers are serialised by one lock
/// (SQLite: the write transaction, BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock), so the chain
/// never forks, even with several app nodes on one database, and a step that checks state inside
/// <see cref="BeginAsync"/> sees no change slip in between its check and its write. Each entry's hash is an
/// HMAC keyed with the seal key, so someone who can write to the database cannot recompute a rewritten chain.
/// </summary>
public sealed class AuditTrail(DecisionAidDb db, TimeProvider clock, SealKey key, IHttpContextAccessor? http = null)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private const long PostgresLockKey = 0x4441_7564_6974; // "DAudit"

    /// <summary>
    /// Starts a transaction holding the trail's lock, before anything is read: steps that decide from the database
    /// (may the patient sign? is this signature still the newest?) decide and write under it. Locks are always
    /// taken in this order (the trail's first), so concurrent steps cannot deadlock.
    /// </summary>
    public async Task<IDbContextTransaction> BeginAsync()
    {
        var transaction = await db.Database.BeginTransactionAsync();
        await LockAsync();
        return transaction;
    }

    /// <summary>Saves the pending changes and the entries together: both land, or neither does.</summary>
    public async Task SaveAsync(params AuditEvent[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var own = db.Database.CurrentTransaction is null;
        await using var transaction = own ? await db.Database.BeginTransactionAsync() : null;
        var added = new List<AuditEntry>();
        try
        {
            if (own) await LockAsync();
            var last = await db.AuditEntries.OrderByDescending(e => e.Seq).Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync();
            var (seq, previous) = last is null ? (0L, Genesis) : (last.Seq, last.Hash);
            var at = Now();
            var ip = AddressOf(http?.HttpContext);
            foreach (var e in events)
            {
                var entry = new AuditEntry
                {
                    Seq = ++seq, At = at, Action = e.Action, Actor = e.Actor, PracticeId = e.PracticeId, PacketId = e.PacketId,
                    ConsentId = e.ConsentId, Ip = e.Address ?? ip, Detail = e.Detail is { Length: > 400 } d ? d[..400] : e.Detail, PreviousHash = previous, Hash = "",
                };
                entry.Hash = HashOf(entry, key);
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

    /// <summary>The address a request came from, as the trail records it.</summary>
    public static string? AddressOf(HttpContext? request) => request?.Connection.RemoteIpAddress?.ToString();

    /// <summary>The current time to the millisecond (what every database stores exactly, so a hash read back matches).</summary>
    public DateTime Now() => Truncate(clock.GetUtcNow().UtcDateTime);

    private async Task LockAsync()
    {
        // SQLite needs nothing more: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE, which takes the write lock.
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})");
    }

    /// <summary>
    /// The hash of an entry: HMAC-SHA256, under the seal key, of its fields and the hash before it. Each field is
    /// written as its UTF-8 length and bytes, so no two entries read alike and no library's escaping rules matter.
    /// </summary>
    public static string HashOf(AuditEntry entry, SealKey key)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(key);
        string?[] fields =
        [
            entry.Seq.ToString(CultureInfo.InvariantCulture), Time(entry.At), entry.Action, entry.Actor, entry.PracticeId?.ToString(),
            entry.PacketId?.ToString(), entry.ConsentId?.ToString(), entry.Ip, entry.Detail, entry.PreviousHash,
        ];
        return key.Hmac(Canonical(fields));
    }

    /// <summary>Fields as one text, each as its UTF-8 length and bytes, so no two lists of fields read alike.</summary>
    public static string Canonical(IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var text = new StringBuilder();
        foreach (var field in fields)
            text.Append(field is null ? "-1" : Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append(';');
        return text.ToString();
    }

    public static DateTime Truncate(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>The names of audited actions, as stored, and who the actors are.</summary>
public static class AuditActions
{
    public const string PacketCreated = "packet.create";
    public const string PacketOpened = "packet.open";
    public const string PacketUnlockFailed = "packet.unlock-failed";
    public const string PacketViewed = "packet.view";
    public const string PacketRevoked = "packet.revoke";
    public const string PacketNewLink = "packet.new-link";
    public const string PacketApiRead = "packet.api-read";
    public const string ApiKeyCreated = "api-key.create";
    public const string ApiKeyRevoked = "api-key.revoke";
    public const string PasswordChanged = "clinician.password-change";
    public const string PasswordReset = "clinician.password-reset";
    public const string ClinicianRemoved = "clinician.remove";
    public const string PracticeSettingsChanged = "practice.settings";
    public const string OutcomesExported = "outcomes.export";
    public const string PacketExported = "packet.export";
    public const string ConsentViewed = "consent.view";
    public const string ConsentDecided = "consent.decide";
    public const string ConsentSealed = "consent.seal";
    public const string ConsentWithdrawn = "consent.withdraw";
    public const string ConsentExported = "consent.export";
    public const string StepRefused = "consent.refused";
    public const string AccessDenied = "access.denied";
    public const string TabletHandedOver = "tablet.hand-over";
    public const string TabletFinished = "tablet.finish";
    public const string TabletUnlocked = "tablet.unlock";
    public const string TabletUnlockFailed = "tablet.unlock-failed";
    public const string SurveyLinkMade = "survey.link";
    public const string SurveyOpened = "survey.open";

    public const string Patient = "patient";

    public static string ApiKey(Guid id) => $"api-key:{id}";

    public static string Clinician(Clinician clinician) => $"clinician:{clinician?.Id}";
}
