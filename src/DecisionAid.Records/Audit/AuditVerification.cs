using System.Data;
using System.Text.RegularExpressions;
using DecisionAid.Core.Consent;
using DecisionAid.Records.Consent;
using DecisionAid.Records.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DecisionAid.Records.Audit;

/// <summary>What a verification found: how much it checked, the last hash (the evidence to keep elsewhere), and the first problem.</summary>
public sealed record AuditReport(long EntriesChecked, string LastHash, int RecordsChecked, string? Problem)
{
    public bool Intact => Problem is null;
}

/// <summary>
/// Recomputes the audit chain and every sealed consent record, in one consistent snapshot of the database (so a
/// site writing meanwhile does not confuse it). The chain: numbered 1, 2, 3 ... with no gap, each entry's keyed hash
/// over its own fields and the previous hash. A record: its document's SHA-256 and HMAC, its columns against its
/// document, the audit entry that sealed it (and every such entry's record, with the same hash), the record it
/// supersedes, the patient's decision row, the shown content, and the packet's answers against its newest record.
/// Every patient decision has its audit entry. Stops at the first problem.
/// </summary>
public static partial class AuditVerification
{
    public static async Task<AuditReport> RunAsync(DecisionAidDb db, SealKey key, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        await using var snapshot = await SnapshotAsync(db, cancel);
        long expected = 1;
        var previous = AuditTrail.Genesis;
        var seals = new Dictionary<Guid, (long Seq, string? Hash)>();
        var decided = new HashSet<Guid>();
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(cancel))
        {
            var name = $"audit entry {entry.Seq} ({entry.Action}, {AuditTrail.Time(entry.At)})";
            if (entry.Seq != expected)
                return new AuditReport(expected - 1, previous, 0, entry.Seq > expected
                    ? $"audit entry {expected} is missing: the next entry is {entry.Seq}"
                    : $"{name} is out of order: entry {expected} was expected");
            if (entry.PreviousHash != previous) return new AuditReport(expected - 1, previous, 0, $"{name} does not follow the entry before it (its previous hash differs)");
            if (AuditTrail.HashOf(entry, key) != entry.Hash) return new AuditReport(expected - 1, previous, 0, $"{name} was changed, or the seal key is not the one that wrote it: its hash does not match its contents");
            if (entry.ConsentId is { } sealedId && entry.Action is AuditActions.ConsentSealed or AuditActions.ConsentWithdrawn)
                seals[sealedId] = (entry.Seq, Sha256In(entry.Detail));
            if (DecisionIn(entry.Detail) is { } decisionId) decided.Add(decisionId);
            previous = entry.Hash;
            expected++;
        }
        var entries = expected - 1;
        AuditReport Broken(int records, string problem) => new(entries, previous, records, problem);

        // Records are read whole first: checking one reads other tables, and PostgreSQL runs one command at a time per connection.
        var all = await db.ConsentRecords.AsNoTracking().OrderBy(r => r.SealedAt).ToListAsync(cancel);
        var byId = all.ToDictionary(r => r.Id);
        foreach (var (recordId, (seq, hash)) in seals)
        {
            if (!byId.TryGetValue(recordId, out var record)) return Broken(0, $"audit entry {seq} sealed consent record {recordId}, which is missing");
            if (record.DocumentHash != hash) return Broken(0, $"consent record {recordId}: its SHA-256 differs from the one audit entry {seq} sealed");
        }
        var records = 0;
        var newest = new Dictionary<Guid, (ConsentRecord Record, SealedDocument Document)>();
        foreach (var record in all)
        {
            var (problem, document) = await CheckAsync(db, key, record, byId, seals, cancel);
            if (problem is not null) return Broken(records, $"consent record {record.Id}: {problem}");
            newest[record.PacketId] = (record, document!);
            records++;
        }
        foreach (var (packetId, (record, document)) in newest)
        {
            var answers = SealedAnswers.Of(await db.PacketAnswers.AsNoTracking().Where(a => a.PacketId == packetId).ToListAsync(cancel));
            if (!answers.SequenceEqual(document.Answers)) return Broken(records, $"consent record {record.Id}: the packet's answers differ from the answers it sealed");
        }
        await foreach (var decisionId in db.ConsentDecisions.AsNoTracking().OrderBy(d => d.At).Select(d => d.Id).AsAsyncEnumerable().WithCancellation(cancel))
        {
            if (!decided.Contains(decisionId)) return Broken(records, $"consent decision {decisionId} has no audit entry: it was added behind the site's back");
        }
        return new AuditReport(entries, previous, records, null);
    }

    private static async Task<(string? Problem, SealedDocument? Document)> CheckAsync(
        DecisionAidDb db, SealKey key, ConsentRecord record, Dictionary<Guid, ConsentRecord> byId, Dictionary<Guid, (long Seq, string? Hash)> seals, CancellationToken cancel)
    {
        if (SealedDocument.Sha256(record.Document) != record.DocumentHash) return ("its document does not match its SHA-256", null);
        if (!key.Matches(record.Document, record.Hmac)) return ("its HMAC does not match (the document or hash was changed, or the seal key is not the one that sealed it)", null);
        SealedDocument? document;
        try
        {
            document = SealedDocument.Parse(record.Document);
        }
        catch (System.Text.Json.JsonException)
        {
            document = null;
        }
        if (document is null) return ("its document cannot be read", null);
        if (document.RecordId != record.Id || document.Kind != record.Kind || document.Packet.Id != record.PacketId || document.Practice.Id != record.PracticeId
            || document.Supersedes != record.SupersedesId || document.PatientSignature.DecisionId != record.DecisionId)
            return ("its columns differ from its sealed document", null);
        if (!seals.ContainsKey(record.Id)) return ("no audit entry records its sealing", null);
        if (record.SupersedesId is { } superseded && (!byId.TryGetValue(superseded, out var earlier) || earlier.DocumentHash != document.SupersedesHash))
            return ($"the record it supersedes ({superseded}) is missing or not the one it sealed", null);
        var decision = await db.ConsentDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == record.DecisionId, cancel);
        var signature = document.PatientSignature;
        if (decision is null || decision.Choice != signature.Choice || decision.TypedName != signature.TypedName || decision.SignatureSvg != signature.SignatureSvg
            || decision.Statement != document.Statement || decision.ContentHash != document.ShownContentHash || AuditTrail.Time(decision.At) != signature.At)
            return ("the patient's decision row differs from the signature it sealed", null);
        var shown = await db.ShownContents.AsNoTracking().SingleOrDefaultAsync(c => c.Hash == document.ShownContentHash, cancel);
        if (shown is null || SealedDocument.Sha256(shown.Html) != shown.Hash) return ("the content shown to the patient is missing or was changed", null);
        return (null, document);
    }

    /// <summary>
    /// One read-only snapshot for the whole check: a deferred transaction on SQLite (in WAL mode it reads one
    /// snapshot and blocks no writer), REPEATABLE READ on PostgreSQL.
    /// </summary>
    private static async Task<IDbContextTransaction> SnapshotAsync(DecisionAidDb db, CancellationToken cancel)
    {
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancel);
        await db.Database.OpenConnectionAsync(cancel);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        return (await db.Database.UseTransactionAsync(connection.BeginTransaction(deferred: true), cancel))!;
    }

    private static string? Sha256In(string? detail) => detail is not null && Sha256Pattern().Match(detail) is { Success: true } m ? m.Groups[1].Value : null;

    private static Guid? DecisionIn(string? detail) =>
        detail is not null && DecisionPattern().Match(detail) is { Success: true } m && Guid.TryParse(m.Groups[1].Value, out var id) ? id : null;

    [GeneratedRegex("sha256 ([0-9a-f]{64})$")]
    private static partial Regex Sha256Pattern();

    [GeneratedRegex("decision ([0-9a-f-]{36})")]
    private static partial Regex DecisionPattern();
}
