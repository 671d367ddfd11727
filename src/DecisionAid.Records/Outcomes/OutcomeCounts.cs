using System.Globalization;
using DecisionAid.Records.Data;
using DecisionAid.Records.Packets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

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

    /// <summary>
    /// What the pending changes do to the counts, read before the save while the entries' states show it: the stored
    /// packets to recount from the database, and the new packets' tallies, made from what is being added (a new packet
    /// has no rows elsewhere yet), so creating packets reads nothing back.
    /// </summary>
    public sealed record Pending(IReadOnlySet<Guid> Stored, IReadOnlyList<OutcomeTally> New)
    {
        public bool IsEmpty => Stored.Count == 0 && New.Count == 0;
    }

    public static Pending Touched(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var changed = tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        var added = changed.Where(e => e.State == EntityState.Added).Select(e => e.Entity).OfType<Packet>().ToDictionary(p => p.Id);
        var stored = new HashSet<Guid>();
        var answers = new List<(Guid PacketId, (string, string, string) Answer)>();
        var decisions = new List<(Guid PacketId, (string, DateTime) Decision)>();
        var seals = new List<Guid>();
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case Packet when entry.State == EntityState.Deleted:
                    // Its tally row would go with it (cascade) and leave its counts behind; nothing deletes packets today.
                    throw new InvalidOperationException("a packet cannot be deleted while the outcome counts hold it: subtract its tally first");
                case Packet p when !added.ContainsKey(p.Id) && TallyFields.Any(f => entry.Property(f).IsModified):
                    stored.Add(p.Id);
                    break;
                case PacketAnswer a when Metrics.CountedKinds.Contains(a.Kind):
                    if (!added.ContainsKey(a.PacketId)) stored.Add(a.PacketId);
                    else answers.Add((a.PacketId, (a.Kind, a.ItemId, a.Value)));
                    break;
                case ConsentDecision d:
                    if (!added.ContainsKey(d.PacketId)) stored.Add(d.PacketId);
                    else decisions.Add((d.PacketId, (d.Choice, d.At)));
                    break;
                case ConsentRecord r:
                    if (!added.ContainsKey(r.PacketId)) stored.Add(r.PacketId);
                    else if (r.Kind == ConsentRecord.Consent) seals.Add(r.PacketId);
                    break;
            }
        }
        var answersOf = answers.ToLookup(a => a.PacketId, a => a.Answer);
        var decisionsOf = decisions.ToLookup(d => d.PacketId, d => d.Decision);
        return new Pending(stored, [.. added.Values.Select(p =>
            TallyFor(Facts.Of(p), answersOf[p.Id], decisionsOf[p.Id], seals.Count(id => id == p.Id)))]);
    }

    /// <summary>Brings the counts up to date with a save: call inside its transaction, after it is written.</summary>
    public static async Task ApplyAsync(DecisionAidDb db, Pending pending, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(pending);
        await RefreshAsync(db, pending.Stored, cancel);
        var changes = new Dictionary<(Bucket Bucket, string Metric), long>();
        foreach (var tally in pending.New) Add(changes, Bucket.Of(tally), Parse(tally.Counts), +1);
        await WriteAsync(db, changes, pending.New, cancel);
    }

    /// <summary>The packet's fields a tally reads (the others, such as its link or its unlock attempts, change nothing here).</summary>
    private static readonly string[] TallyFields =
    [
        nameof(Packet.PracticeId), nameof(Packet.AidId), nameof(Packet.CreatedAt), nameof(Packet.Language), nameof(Packet.ContentVersion),
        nameof(Packet.OpenedAt), nameof(Packet.FinishedAt), nameof(Packet.ReadingSeconds),
    ];

    /// <summary>
    /// Runs a write made outside the change tracker (ExecuteUpdate) to one packet or its rows, in a transaction of its
    /// own: the packet locked first, and recounted if the write changed a row. Returns the rows written.
    /// </summary>
    public static async Task<int> ExecuteAsync(DecisionAidDb db, Guid packetId, Func<Task<int>> write, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(write);
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        await LockAsync(db, [packetId], cancel);
        var rows = await write();
        if (rows > 0) await RefreshAsync(db, [packetId], cancel);
        await transaction.CommitAsync(cancel);
        return rows;
    }

    /// <summary>Recounts these packets: call inside the transaction that changed them, after the change is written.</summary>
    internal static async Task RefreshAsync(DecisionAidDb db, IEnumerable<Guid> packetIds, CancellationToken cancel = default)
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
    internal static async Task LockAsync(DecisionAidDb db, IEnumerable<Guid> packetIds, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(packetIds);
        if (!db.Database.IsNpgsql()) return;
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("packets are locked inside the transaction that changes them");
        var ids = packetIds.Distinct().Order().ToArray();
        if (ids.Length > 0) await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Packets\" WHERE \"Id\" = ANY({ids}) ORDER BY \"Id\" FOR NO KEY UPDATE", cancel);
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
        var tallies = new List<OutcomeTally>();
        foreach (var packet in packets)
        {
            var tally = TallyFor(packet, answers[packet.Id], decisions[packet.Id], seals.GetValueOrDefault(packet.Id));
            if (old.TryGetValue(packet.Id, out var before))
            {
                if (before.Counts == tally.Counts && Bucket.Of(before) == Bucket.Of(tally)) continue;
                Add(changes, Bucket.Of(before), Parse(before.Counts), -1);
            }
            Add(changes, Bucket.Of(tally), Parse(tally.Counts), +1);
            tallies.Add(tally);
        }
        await WriteAsync(db, changes, tallies, cancel);
    }

    private static void Add(Dictionary<(Bucket Bucket, string Metric), long> changes, Bucket bucket, IReadOnlyDictionary<string, long> counts, int sign)
    {
        foreach (var (metric, count) in counts) changes[(bucket, metric)] = changes.GetValueOrDefault((bucket, metric)) + (sign * count);
    }

    /// <summary>Adds the changes to the counts and stores the packets' new tallies.</summary>
    private static async Task WriteAsync(DecisionAidDb db, Dictionary<(Bucket Bucket, string Metric), long> changes, IReadOnlyList<OutcomeTally> tallies, CancellationToken cancel)
    {
        // In one order for every writer, so two saves that share rows wait for each other instead of deadlocking.
        var rows = changes.Where(c => c.Value != 0).OrderBy(c => c.Key.Bucket.PracticeId).ThenBy(c => c.Key.Bucket.AidId, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Bucket.Day).ThenBy(c => c.Key.Bucket.Language, StringComparer.Ordinal).ThenBy(c => c.Key.Bucket.Version, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Metric, StringComparer.Ordinal).ToList();
        await UpsertAsync(db, "OutcomeCounts", ["PracticeId", "AidId", "Day", "Language", "Version", "Metric", "Count"], 6,
            "\"Count\" = \"OutcomeCounts\".\"Count\" + excluded.\"Count\"",
            [.. rows.Select(r => new object[] { r.Key.Bucket.PracticeId, r.Key.Bucket.AidId, r.Key.Bucket.Day, r.Key.Bucket.Language, r.Key.Bucket.Version, r.Key.Metric, r.Value })], cancel);
        await UpsertAsync(db, "OutcomeTallies", ["PacketId", "PracticeId", "AidId", "Day", "Language", "Version", "Counts"], 1,
            "\"PracticeId\" = excluded.\"PracticeId\", \"AidId\" = excluded.\"AidId\", \"Day\" = excluded.\"Day\", \"Language\" = excluded.\"Language\", \"Version\" = excluded.\"Version\", \"Counts\" = excluded.\"Counts\"",
            [.. tallies.Select(t => new object[] { t.PacketId, t.PracticeId, t.AidId, t.Day, t.Language, t.Version, t.Counts })], cancel);
    }

    /// <summary>
    /// INSERT ... ON CONFLICT (the first <paramref name="keyColumns"/> columns) DO UPDATE, in the rows' order, on the
    /// save's own connection and transaction. PostgreSQL takes every row in one statement, each column as an array;
    /// SQLite runs one prepared statement per row (it binds parameters by name one by one, so a statement with
    /// thousands of them costs more than thousands of runs).
    /// </summary>
    private static async Task UpsertAsync(DecisionAidDb db, string table, string[] columns, int keyColumns, string update, IReadOnlyList<object[]> rows, CancellationToken cancel)
    {
        if (rows.Count == 0) return;
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var names = columns.Select((_, i) => $"@c{i}").ToList();
        var into = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})";
        var conflict = $"ON CONFLICT ({string.Join(", ", columns.Take(keyColumns).Select(c => $"\"{c}\""))}) DO UPDATE SET {update}";
        var parameters = names.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToList();
        if (db.Database.IsNpgsql())
        {
            var aliases = string.Join(", ", columns.Select((_, i) => $"c{i}"));
            command.CommandText = $"{into} SELECT {aliases} FROM unnest({string.Join(", ", names)}) WITH ORDINALITY AS u({aliases}, n) ORDER BY n {conflict}";
            for (var i = 0; i < columns.Length; i++)
            {
                var column = Array.CreateInstance(rows[0][i].GetType(), rows.Count); // Guid[], string[], DateOnly[], long[]: typed, so Npgsql knows the array's type
                for (var r = 0; r < rows.Count; r++) column.SetValue(rows[r][i], r);
                parameters[i].Value = column;
            }
            await command.ExecuteNonQueryAsync(cancel);
            return;
        }
        command.CommandText = $"{into} VALUES ({string.Join(", ", names)}) {conflict}";
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++) parameters[i].Value = AsSqlite(row[i]);
            await command.ExecuteNonQueryAsync(cancel);
        }
    }

    /// <summary>A value as EF Core stores it in SQLite: GUIDs as upper-case text, dates as yyyy-MM-dd.</summary>
    private static object AsSqlite(object value) => value switch
    {
        Guid id => id.ToString().ToUpperInvariant(),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>A packet's tally as stored: its counts, and the day's row they go to.</summary>
    private static OutcomeTally TallyFor(Facts packet, IEnumerable<(string Kind, string Item, string Value)> answers, IEnumerable<(string Choice, DateTime At)> decisions, long sealedRecords) => new()
    {
        PacketId = packet.Id, PracticeId = packet.PracticeId, AidId = packet.AidId, Day = DateOnly.FromDateTime(packet.CreatedAt), Language = packet.Language,
        Version = packet.ContentVersion, Counts = Format(TallyOf(packet, answers, decisions, sealedRecords)),
    };

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
    /// transaction, so other writers wait for one chunk at a time, never for the whole count.
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

    /// <summary>
    /// Throws away the kept counts (of one practice, or all) and counts every packet again from its records, in one
    /// transaction: the repair when `pda outcomes --check` finds them different. Run it with the site stopped; on
    /// PostgreSQL a save that ran beside it could count against the tallies it replaces.
    /// </summary>
    public static async Task<int> RecountAsync(DecisionAidDb db, Guid? practice, Action<int, int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        await db.OutcomeTallies.Where(t => practice == null || t.PracticeId == practice).ExecuteDeleteAsync(cancel);
        await db.OutcomeCounts.Where(c => practice == null || c.PracticeId == practice).ExecuteDeleteAsync(cancel);
        var packets = await db.Packets.AsNoTracking().Where(p => practice == null || p.PracticeId == practice).Select(p => p.Id).ToListAsync(cancel);
        var done = 0;
        foreach (var chunk in packets.Order().Chunk(Chunk))
        {
            await RefreshChunkAsync(db, chunk, cancel);
            done += chunk.Length;
            progress?.Invoke(done, packets.Count);
        }
        await transaction.CommitAsync(cancel);
        return packets.Count;
    }

    private static string Format(IReadOnlyDictionary<string, long> tally) =>
        string.Join('\n', tally.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key}\t{t.Value}")));

    private static Dictionary<string, long> Parse(string counts) =>
        counts.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t'))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The packet's fields that a tally reads.</summary>
    public sealed record Facts(Guid Id, Guid PracticeId, string AidId, DateTime CreatedAt, string Language, string ContentVersion, bool Opened, bool Finished, int ReadingSeconds)
    {
        public static Facts Of(Packet p)
        {
            ArgumentNullException.ThrowIfNull(p);
            return new(p.Id, p.PracticeId, p.AidId, p.CreatedAt, p.Language, p.ContentVersion, p.OpenedAt != null, p.FinishedAt != null, p.ReadingSeconds);
        }
    }

    private sealed record Bucket(Guid PracticeId, string AidId, DateOnly Day, string Language, string Version)
    {
        public static Bucket Of(OutcomeTally t) => new(t.PracticeId, t.AidId, t.Day, t.Language, t.Version);
    }
}
