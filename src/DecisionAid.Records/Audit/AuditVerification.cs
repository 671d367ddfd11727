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
public sealed record AuditReport(long EntriesChecked, string LastHash, int RecordsChecked, string? Problem, long? CheckpointAt = null)
{
    public bool Intact => Problem is null;
}

/// <summary>
/// Recomputes the audit chain and every sealed consent record, in one consistent snapshot of the database (so a
/// site writing meanwhile does not confuse it). The chain: numbered 1, 2, 3 ... with no gap, each entry's keyed hash
/// over its own fields and the previous hash. A record: its document's SHA-256 and HMAC, its columns against its
/// document, the audit entry that sealed it (and every such entry's record, with the same hash), the record it
/// supersedes, the patient's decision row, the shown content, and the packet's answers against its newest record.
/// A packet's records follow each other in the trail's order, one superseding the next. Every patient decision has
/// its audit entry and matches the fingerprint the entry holds, and so does every packet (who it is for, what it
/// holds). A checkpoint (a last hash kept outside the database) must still be in the chain, so cutting its newest
/// entries shows. Stops at the first problem.
/// </summary>
public static partial class AuditVerification
{
    public static async Task<AuditReport> RunAsync(DecisionAidDb db, SealKey key, string? checkpoint = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        await using var snapshot = await SnapshotAsync(db, cancel);
        long expected = 1;
        var previous = AuditTrail.Genesis;
        var seals = new Dictionary<Guid, (long Seq, string? Hash)>();
        var decided = new Dictionary<Guid, (long Seq, string? Fields)>();
        var identities = new Dictionary<Guid, (long Seq, string Fingerprint)>();
        long? checkpointAt = null;
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
            if (DecisionIn(entry.Detail) is { } decisionId && !decided.ContainsKey(decisionId)) decided[decisionId] = (entry.Seq, Fingerprints.DecisionIn(entry.Detail));
            if (entry.Action == AuditActions.PacketCreated && entry.PacketId is { } packetId && Fingerprints.PacketIn(entry.Detail) is { } identity)
                identities[packetId] = (entry.Seq, identity);
            if (entry.Hash == checkpoint) checkpointAt = entry.Seq;
            previous = entry.Hash;
            expected++;
        }
        var entries = expected - 1;
        AuditReport Broken(int records, string problem) => new(entries, previous, records, problem, checkpointAt);
        if (checkpoint is not null && checkpointAt is null)
            return Broken(0, $"the checkpoint {checkpoint} is not in the chain: entries after it were deleted, or the chain was replaced (it now ends at entry {entries})");

        // Records are read whole first: checking one reads other tables, and PostgreSQL runs one command at a time per connection.
        // In the order the trail sealed them (chained), not by their sealed-time column (which nothing seals).
        var all = (await db.ConsentRecords.AsNoTracking().ToListAsync(cancel))
            .OrderBy(r => seals.TryGetValue(r.Id, out var seal) ? seal.Seq : long.MaxValue).ToList();
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
            var before = newest.TryGetValue(record.PacketId, out var last) ? last.Record.Id : (Guid?)null;
            if (record.SupersedesId != before)
                return Broken(records, $"consent record {record.Id}: it does not follow the packet's record before it in the audit trail ({(before is null ? "none" : before.ToString())})");
            newest[record.PacketId] = (record, document!);
            records++;
        }
        foreach (var (packetId, (record, document)) in newest)
        {
            var answers = SealedAnswers.Of(await db.PacketAnswers.AsNoTracking().Where(a => a.PacketId == packetId).ToListAsync(cancel));
            if (!answers.SequenceEqual(document.Answers)) return Broken(records, $"consent record {record.Id}: the packet's answers differ from the answers it sealed");
            var packet = await db.Packets.AsNoTracking().SingleOrDefaultAsync(p => p.Id == packetId, cancel);
            if (packet is null || !SameAsSealed(packet, document))
                return Broken(records, $"packet {packetId}: its patient or choices differ from its newest sealed record {record.Id}");
        }
        await foreach (var packet in db.Packets.AsNoTracking().OrderBy(p => p.CreatedAt).AsAsyncEnumerable().WithCancellation(cancel))
        {
            if (identities.TryGetValue(packet.Id, out var created) && created.Fingerprint != Fingerprints.Of(packet))
                return Broken(records, $"packet {packet.Id}: its patient or choices differ from what audit entry {created.Seq} recorded when it was made");
        }
        await foreach (var decision in db.ConsentDecisions.AsNoTracking().OrderBy(d => d.At).AsAsyncEnumerable().WithCancellation(cancel))
        {
            if (!decided.TryGetValue(decision.Id, out var entry)) return Broken(records, $"consent decision {decision.Id} has no audit entry: it was added behind the site's back");
            if (entry.Fields is not null && entry.Fields != Fingerprints.Of(decision))
                return Broken(records, $"consent decision {decision.Id}: its choice, name, drawing, statement or time differ from what audit entry {entry.Seq} recorded");
        }
        return new AuditReport(entries, previous, records, null, checkpointAt);
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
        if (AuditTrail.Time(DateTime.SpecifyKind(record.SealedAt, DateTimeKind.Utc)) != document.SealedAt) return ("its sealed time differs from its sealed document", null);
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

    /// <summary>Whether the packet's row still names the patient and choices its newest record sealed.</summary>
    private static bool SameAsSealed(Packet packet, SealedDocument document) =>
        packet.PracticeId == document.Practice.Id && packet.AidId == document.Packet.Aid && packet.Language == document.Packet.Language
        && packet.Target == document.Packet.Target && packet.Method == document.Packet.Method && packet.HealthFactorIds.SequenceEqual(document.Packet.HealthFactors)
        && packet.PatientName == document.Patient.Name && packet.RecordNumber == document.Patient.RecordNumber
        && packet.PatientBirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) == document.Patient.BirthDate;

    private static string? Sha256In(string? detail) => detail is not null && Sha256Pattern().Match(detail) is { Success: true } m ? m.Groups[1].Value : null;

    private static Guid? DecisionIn(string? detail) =>
        detail is not null && DecisionPattern().Match(detail) is { Success: true } m && Guid.TryParse(m.Groups[1].Value, out var id) ? id : null;

    [GeneratedRegex("sha256 ([0-9a-f]{64})$")]
    private static partial Regex Sha256Pattern();

    [GeneratedRegex("decision ([0-9a-f-]{36})")]
    private static partial Regex DecisionPattern();
}
