using System.Globalization;
using System.Text;
using DecisionAid.Records.Data;
using DecisionAid.Records.Packets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace DecisionAid.Records.Outcomes;

/// <summary>
/// Keeps <see cref="OutcomeCount"/> equal to the sum of every packet's tally. Each save that changes what a packet
/// adds to the outcomes (its sending, opening, reading time, counted answers, decisions and seals) recounts that
/// packet in the same transaction: it locks the packet, reads its rows, and applies the difference from its stored
/// <see cref="OutcomeTally"/>. The lock makes two saves for one packet take turns, so neither counts from a tally
/// the other has replaced. The outcomes page then sums a few rows per day, however many packets there are.
/// </summary>
public static class OutcomeCounts
{
    private const int Chunk = 1000;
    private const int RowsPerStatement = 500; // 7 parameters a row: within SQLite's and PostgreSQL's parameter limits

    /// <summary>The packets whose tally the pending changes may alter (read before the save, while their states show it).</summary>
    public static IReadOnlySet<Guid> Touched(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var touched = new HashSet<Guid>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case Packet p when entry.State != EntityState.Modified || TallyFields.Any(f => entry.Property(f).IsModified):
                    touched.Add(p.Id);
                    break;
                case PacketAnswer a when Metrics.CountedKinds.Contains(a.Kind):
                    touched.Add(a.PacketId);
                    break;
                case ConsentDecision d:
                    touched.Add(d.PacketId);
                    break;
                case ConsentRecord r:
                    touched.Add(r.PacketId);
                    break;
            }
        }
        return touched;
    }

    /// <summary>The packet's fields a tally reads (the others, such as its link or its unlock attempts, change nothing here).</summary>
    private static readonly string[] TallyFields =
    [
        nameof(Packet.PracticeId), nameof(Packet.AidId), nameof(Packet.CreatedAt), nameof(Packet.Language), nameof(Packet.ContentVersion),
        nameof(Packet.OpenedAt), nameof(Packet.FinishedAt), nameof(Packet.ReadingSeconds),
    ];

    /// <summary>Recounts these packets: call inside the transaction that changed them, after the change is written.</summary>
    public static async Task RefreshAsync(DecisionAidDb db, IEnumerable<Guid> packetIds, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(packetIds);
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("outcome counts are refreshed inside the transaction that changed the packets");
        foreach (var chunk in packetIds.Distinct().Order().Chunk(Chunk))
            await RefreshChunkAsync(db, chunk, cancel);
    }

    /// <summary>
    /// Locks the packets until the transaction ends, in one order. Take it before changing them: a save that wrote
    /// first and locked after could wait on a second save that holds the packet and waits on the first's write.
    /// SQLite needs no lock of its own: a write transaction holds the database's one write lock.
    /// </summary>
    public static async Task LockAsync(DecisionAidDb db, IEnumerable<Guid> packetIds, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(packetIds);
        if (!db.Database.IsNpgsql()) return;
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("packets are locked inside the transaction that changes them");
        var ids = packetIds.Distinct().Order().ToArray();
        if (ids.Length > 0) await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Packets\" WHERE \"Id\" = ANY({ids}) ORDER BY \"Id\" FOR UPDATE", cancel);
    }

    private static async Task RefreshChunkAsync(DecisionAidDb db, Guid[] ids, CancellationToken cancel)
    {
        await LockAsync(db, ids, cancel);
        var packets = await db.Packets.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new Facts(p.Id, p.PracticeId, p.AidId, p.CreatedAt, p.Language, p.ContentVersion, p.OpenedAt != null, p.FinishedAt != null, p.ReadingSeconds))
            .ToListAsync(cancel);
        var answers = (await db.PacketAnswers.AsNoTracking().Where(a => ids.Contains(a.PacketId) && Metrics.CountedKinds.Contains(a.Kind))
            .Select(a => new { a.PacketId, a.Kind, a.ItemId, a.Value }).ToListAsync(cancel)).ToLookup(a => a.PacketId, a => (a.Kind, a.ItemId, a.Value));
        var decisions = (await db.ConsentDecisions.AsNoTracking().Where(d => ids.Contains(d.PacketId))
            .Select(d => new { d.PacketId, d.Choice, d.At }).ToListAsync(cancel)).ToLookup(d => d.PacketId, d => (d.Choice, d.At));
        var seals = await db.ConsentRecords.AsNoTracking().Where(r => ids.Contains(r.PacketId) && r.Kind == ConsentRecord.Consent)
            .GroupBy(r => r.PacketId).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancel);
        var old = await db.OutcomeTallies.AsNoTracking().Where(t => ids.Contains(t.PacketId)).ToDictionaryAsync(t => t.PacketId, cancel);

        var changes = new Dictionary<(Bucket Bucket, string Metric), long>();
        void Add(Bucket bucket, IReadOnlyDictionary<string, long> counts, int sign)
        {
            foreach (var (metric, count) in counts) changes[(bucket, metric)] = changes.GetValueOrDefault((bucket, metric)) + (sign * count);
        }
        var tallies = new List<OutcomeTally>();
        foreach (var packet in packets)
        {
            var bucket = new Bucket(packet.PracticeId, packet.AidId, DateOnly.FromDateTime(packet.CreatedAt), packet.Language, packet.ContentVersion);
            var tally = TallyOf(packet, answers[packet.Id], decisions[packet.Id], seals.GetValueOrDefault(packet.Id));
            var counts = Format(tally);
            if (old.TryGetValue(packet.Id, out var before))
            {
                if (before.Counts == counts && Bucket.Of(before) == bucket) continue;
                Add(Bucket.Of(before), Parse(before.Counts), -1);
            }
            Add(bucket, tally, +1);
            tallies.Add(new OutcomeTally
            {
                PacketId = packet.Id, PracticeId = bucket.PracticeId, AidId = bucket.AidId, Day = bucket.Day, Language = bucket.Language, Version = bucket.Version, Counts = counts,
            });
        }
        // In one order for every writer, so two saves that share rows wait for each other instead of deadlocking.
        var rows = changes.Where(c => c.Value != 0).OrderBy(c => c.Key.Bucket.PracticeId).ThenBy(c => c.Key.Bucket.AidId, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Bucket.Day).ThenBy(c => c.Key.Bucket.Language, StringComparer.Ordinal).ThenBy(c => c.Key.Bucket.Version, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Metric, StringComparer.Ordinal).ToList();
        foreach (var part in rows.Chunk(RowsPerStatement))
            await UpsertAsync(db, "\"OutcomeCounts\"", part.Select(r => new object[] { r.Key.Bucket.PracticeId, r.Key.Bucket.AidId, r.Key.Bucket.Day, r.Key.Bucket.Language, r.Key.Bucket.Version, r.Key.Metric, r.Value }),
                "\"PracticeId\", \"AidId\", \"Day\", \"Language\", \"Version\", \"Metric\", \"Count\"", "\"PracticeId\", \"AidId\", \"Day\", \"Language\", \"Version\", \"Metric\"",
                "\"Count\" = \"OutcomeCounts\".\"Count\" + excluded.\"Count\"", cancel);
        foreach (var part in tallies.Chunk(RowsPerStatement))
            await UpsertAsync(db, "\"OutcomeTallies\"", part.Select(t => new object[] { t.PacketId, t.PracticeId, t.AidId, t.Day, t.Language, t.Version, t.Counts }),
                "\"PacketId\", \"PracticeId\", \"AidId\", \"Day\", \"Language\", \"Version\", \"Counts\"", "\"PacketId\"",
                "\"PracticeId\" = excluded.\"PracticeId\", \"AidId\" = excluded.\"AidId\", \"Day\" = excluded.\"Day\", \"Language\" = excluded.\"Language\", \"Version\" = excluded.\"Version\", \"Counts\" = excluded.\"Counts\"",
                cancel);
    }

    /// <summary>INSERT ... ON CONFLICT DO UPDATE: the same words on SQLite and PostgreSQL.</summary>
    private static async Task UpsertAsync(DecisionAidDb db, string table, IEnumerable<object[]> rows, string columns, string key, string update, CancellationToken cancel)
    {
        var values = new List<object>();
        var sql = new StringBuilder($"INSERT INTO {table} ({columns}) VALUES ");
        foreach (var row in rows)
        {
            sql.Append(values.Count == 0 ? "(" : ", (").AppendJoin(", ", row.Select((_, i) => $"{{{values.Count + i}}}")).Append(')');
            values.AddRange(row);
        }
        sql.Append(CultureInfo.InvariantCulture, $" ON CONFLICT ({key}) DO UPDATE SET {update}");
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, cancel);
    }

    /// <summary>What one packet adds to the outcomes, from its own rows.</summary>
    public static SortedDictionary<string, long> TallyOf(Facts packet, IEnumerable<(string Kind, string Item, string Value)> answers, IEnumerable<(string Choice, DateTime At)> decisions, long sealedRecords)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var tally = new SortedDictionary<string, long>(StringComparer.Ordinal) { [Metrics.Sent] = 1 };
        void Count(string metric, long by = 1) => tally[metric] = tally.GetValueOrDefault(metric) + by;
        if (packet.Opened) Count(Metrics.Opened);
        if (packet.Finished) Count(Metrics.Finished);
        if (packet.ReadingSeconds > 0)
        {
            Count(Metrics.Readers);
            Count(Metrics.Seconds, packet.ReadingSeconds);
        }
        var given = answers.ToList();
        foreach (var (kind, item, value) in given.Where(a => a.Kind is AnswerKinds.Knowledge or AnswerKinds.Satisfaction or AnswerKinds.Survey))
            Count(Metrics.Answer(kind, item, value));
        var knowledge = given.Where(a => a.Kind == AnswerKinds.Knowledge).Select(a => (a.Item, a.Value)).ToList();
        if (knowledge.Count > 0) Count(Metrics.KnowledgeSet(knowledge));
        var sure = given.Where(a => a.Kind == AnswerKinds.Sure).ToList();
        if (sure.Count == AnswerKinds.SureItems.Length)
        {
            Count(Metrics.SureComplete);
            if (sure.Any(a => a.Value == "no")) Count(Metrics.SureAnyNo);
        }
        // The newest decision counts (as many as share the newest time, as the records would be read).
        var made = decisions.ToList();
        if (made.Count > 0)
        {
            var newest = made.Max(d => d.At);
            foreach (var (choice, _) in made.Where(d => d.At == newest)) Count(Metrics.Decision(choice));
        }
        if (sealedRecords > 0) Count(Metrics.Sealed, sealedRecords);
        return tally;
    }

    /// <summary>
    /// Counts every packet that has no tally yet (packets made before the counts existed), a thousand per
    /// transaction, so a large database is counted once at the upgrade and the site can take requests meanwhile.
    /// </summary>
    public static async Task<int> CountMissingAsync(DecisionAidDb db, Action<int, int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var missing = await db.Packets.AsNoTracking().Where(p => !db.OutcomeTallies.Any(t => t.PacketId == p.Id)).Select(p => p.Id).ToListAsync(cancel);
        var done = 0;
        foreach (var chunk in missing.Chunk(Chunk))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            await RefreshChunkAsync(db, [.. chunk.Order()], cancel);
            await transaction.CommitAsync(cancel);
            done += chunk.Length;
            progress?.Invoke(done, missing.Count);
        }
        return missing.Count;
    }

    private static string Format(IReadOnlyDictionary<string, long> tally) =>
        string.Join('\n', tally.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key}\t{t.Value}")));

    private static Dictionary<string, long> Parse(string counts) =>
        counts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t'))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The packet's fields that a tally reads.</summary>
    public sealed record Facts(Guid Id, Guid PracticeId, string AidId, DateTime CreatedAt, string Language, string ContentVersion, bool Opened, bool Finished, int ReadingSeconds);

    private sealed record Bucket(Guid PracticeId, string AidId, DateOnly Day, string Language, string Version)
    {
        public static Bucket Of(OutcomeTally t) => new(t.PracticeId, t.AidId, t.Day, t.Language, t.Version);
    }
}
