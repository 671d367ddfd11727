using DecisionAid.Core.Consent;
using DecisionAid.Web.Consent;
using DecisionAid.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Audit;

/// <summary>What a verification found: how much it checked, the last hash (the evidence to keep elsewhere), and the first problem.</summary>
public sealed record AuditReport(long EntriesChecked, string LastHash, int RecordsChecked, string? Problem)
{
    public bool Intact => Problem is null;
}

/// <summary>
/// Recomputes the audit chain and every sealed consent record. The chain: numbered 1, 2, 3 ... with no gap, each
/// entry's hash over its own fields and the previous hash. A record: its document's SHA-256 and HMAC, its columns
/// against its document, the patient's decision row against the signature it sealed, the shown content against its
/// hash, the packet's answers against the newest record, and the audit entry that sealed it. Stops at the first problem.
/// </summary>
public static class AuditVerification
{
    public static async Task<AuditReport> RunAsync(DecisionAidDb db, SealKey key, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        long expected = 1;
        var previous = AuditTrail.Genesis;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(cancel))
        {
            var name = $"audit entry {entry.Seq} ({entry.Action}, {AuditTrail.Time(entry.At)})";
            if (entry.Seq != expected)
                return new AuditReport(expected - 1, previous, 0, entry.Seq > expected
                    ? $"audit entry {expected} is missing: the next entry is {entry.Seq}"
                    : $"{name} is out of order: entry {expected} was expected");
            if (entry.PreviousHash != previous) return new AuditReport(expected - 1, previous, 0, $"{name} does not follow the entry before it (its previous hash differs)");
            if (AuditTrail.HashOf(entry) != entry.Hash) return new AuditReport(expected - 1, previous, 0, $"{name} was changed: its hash does not match its contents");
            previous = entry.Hash;
            expected++;
        }
        var entries = expected - 1;

        var sealedBy = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ConsentId != null && (e.Action == AuditActions.ConsentSealed || e.Action == AuditActions.ConsentWithdrawn))
            .Select(e => e.ConsentId!.Value).ToListAsync(cancel);
        var records = 0;
        var newest = new Dictionary<Guid, (ConsentRecord Record, SealedDocument Document)>();
        // Records are read whole first: checking one reads other tables, and PostgreSQL runs one command at a time per connection.
        foreach (var record in await db.ConsentRecords.AsNoTracking().OrderBy(r => r.SealedAt).ToListAsync(cancel))
        {
            var problem = await CheckAsync(db, key, record, sealedBy, cancel);
            if (problem.Problem is not null) return new AuditReport(entries, previous, records, $"consent record {record.Id}: {problem.Problem}");
            newest[record.PacketId] = (record, problem.Document!);
            records++;
        }
        foreach (var (packetId, (record, document)) in newest)
        {
            var answers = ConsentSteps.Answers(await db.PacketAnswers.AsNoTracking().Where(a => a.PacketId == packetId).ToListAsync(cancel));
            if (!answers.SequenceEqual(document.Answers))
                return new AuditReport(entries, previous, records, $"consent record {record.Id}: the packet's answers differ from the answers it sealed");
        }
        return new AuditReport(entries, previous, records, null);
    }

    private static async Task<(string? Problem, SealedDocument? Document)> CheckAsync(
        DecisionAidDb db, SealKey key, ConsentRecord record, List<Guid> sealedBy, CancellationToken cancel)
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
        if (!sealedBy.Contains(record.Id)) return ("no audit entry records its sealing", null);
        var decision = await db.ConsentDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == record.DecisionId, cancel);
        var signature = document.PatientSignature;
        if (decision is null || decision.Choice != signature.Choice || decision.TypedName != signature.TypedName || decision.SignatureSvg != signature.SignatureSvg
            || decision.Statement != document.Statement || decision.ContentHash != document.ShownContentHash || AuditTrail.Time(decision.At) != signature.At)
            return ("the patient's decision row differs from the signature it sealed", null);
        var shown = await db.ShownContents.AsNoTracking().SingleOrDefaultAsync(c => c.Hash == document.ShownContentHash, cancel);
        if (shown is null || SealedDocument.Sha256(shown.Html) != shown.Hash) return ("the content shown to the patient is missing or was changed", null);
        return (null, document);
    }
}
