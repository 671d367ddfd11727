using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Records.Data;

/// <summary>
/// Counts guesses per address and minute in the database, so a limit holds across every node that shares it: one
/// statement adds the try and reads the count back (an upsert, atomic on SQLite and PostgreSQL alike), and a try over
/// the limit is refused. Two nodes behind a load balancer each see the same count, where an in-memory limiter would
/// let each allow its own share.
/// </summary>
public sealed class AttemptLimits(DecisionAidDb db, TimeProvider clock)
{
    public const int MaxKeyLength = 100;

    /// <summary>Counts one try for <paramref name="key"/>; true while the window's tries are within <paramref name="limit"/>.</summary>
    public async Task<Verdict> TryAsync(string key, int limit, TimeSpan window, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > MaxKeyLength) key = key[..MaxKeyLength];
        var now = clock.GetUtcNow();
        var number = now.ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        // The same SQL on both providers: INSERT ... ON CONFLICT ... DO UPDATE ... RETURNING (SQLite 3.35+, PostgreSQL 9.5+).
        var count = (await db.Database.SqlQueryRaw<int>(
            """
            INSERT INTO "AttemptCounts" ("Key", "Window", "Count") VALUES ({0}, {1}, 1)
            ON CONFLICT ("Key", "Window") DO UPDATE SET "Count" = "AttemptCounts"."Count" + 1
            RETURNING "Count" AS "Value"
            """, key, number).ToListAsync(cancel)).Single();
        // A key's first try in a window sweeps away windows long past, so the table holds only the last few minutes.
        if (count == 1)
            await db.AttemptCounts.Where(a => a.Window < number - 60).ExecuteDeleteAsync(cancel);
        var retryAfter = TimeSpan.FromMilliseconds((number + 1) * (long)window.TotalMilliseconds - now.ToUnixTimeMilliseconds());
        return new Verdict(count <= limit, count, retryAfter);
    }

    /// <summary>The tries counted for <paramref name="key"/> in the current window, without counting one.</summary>
    public async Task<int> CountAsync(string key, TimeSpan window, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (key.Length > MaxKeyLength) key = key[..MaxKeyLength];
        var number = clock.GetUtcNow().ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        return await CountQuery.For(db)(db, key, number, cancel);
    }

    // Read before every API call (the key check), so compiled once.
    private static readonly CompiledPerModel<Func<DecisionAidDb, string, long, CancellationToken, Task<int>>> CountQuery = new(() =>
        EF.CompileAsyncQuery((DecisionAidDb db, string key, long window, CancellationToken _) =>
            db.AttemptCounts.Where(a => a.Key == key && a.Window == window).Select(a => a.Count).SingleOrDefault()));

    /// <param name="RetryAfter">How long until the window ends and tries count afresh.</param>
    public readonly record struct Verdict(bool Allowed, int Count, TimeSpan RetryAfter);
}
