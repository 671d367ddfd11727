using System.Threading.Channels;
using DecisionAid.Records.Audit;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Packets;

/// <summary>
/// Saves new packets with their creation entries, many requests' at once: one writer takes every packet waiting at
/// that moment and saves them in one transaction (a group commit), so a burst of requests pays for one commit and one
/// turn of the audit trail's lock, not one each; the request is answered only once its packet is saved. A batch in
/// which a row breaks a constraint is tried again packet by packet, so a bad packet fails its own request and no other;
/// when the database itself fails (unreachable, timed out, a missing table), the whole batch fails at once. Packets still waiting when the site stops are saved before it ends.
/// </summary>
public sealed class PacketGroupCommit(IServiceScopeFactory scopes, ILogger<PacketGroupCommit> log) : IHostedService
{
    /// <summary>Enough to share one commit among every request a busy site has waiting; small enough to keep the lock short.</summary>
    public const int MostPerBatch = 64;

    private readonly Channel<Waiting> _queue = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });
    private Task _writer = Task.CompletedTask;

    private sealed record Waiting(Packet Packet, AuditEvent Created, TaskCompletionSource Saved);

    /// <summary>
    /// Saves the packet with its creation entry (its fingerprint, by <paramref name="actor"/>, from
    /// <paramref name="request"/>'s address); completes when both are committed, throws what saving it alone threw.
    /// </summary>
    public Task SaveAsync(Packet packet, string actor, HttpContext? request)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var created = Fingerprints.PacketCreated(packet, actor) with { Address = AuditTrail.AddressOf(request) };
        var waiting = new Waiting(packet, created, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(waiting)
            ? waiting.Saved.Task
            : Task.FromException(new InvalidOperationException("The site is stopping: it takes no new packets. Try again in a moment."));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The writer must not carry the starting context's async-locals (a request's HttpContext among them).
        using (ExecutionContext.SuppressFlow()) _writer = Task.Run(WriteAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _writer.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            log.LogWarning("The site stopped before the new packets still waiting were saved; their requests fail, and none is half saved");
        }
    }

    /// <summary>
    /// A constraint the row broke (SQLite's SQLITE_CONSTRAINT, PostgreSQL's class 23), as opposed to the database
    /// failing: EF Core wraps both in <see cref="DbUpdateException"/>.
    /// </summary>
    internal static bool RefusedRow(DbUpdateException failed) => failed.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 19,
        Npgsql.PostgresException postgres => postgres.SqlState.StartsWith("23", StringComparison.Ordinal),
        _ => false,
    };

    private async Task WriteAsync()
    {
        var batch = new List<Waiting>(MostPerBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MostPerBatch && _queue.Reader.TryRead(out var waiting)) batch.Add(waiting);
            try
            {
                await SaveTogetherAsync(batch);
                foreach (var saved in batch) saved.Saved.TrySetResult();
            }
            catch (DbUpdateException failed) when (batch.Count > 1 && RefusedRow(failed))
            {
                // A row the database refused: find whose it is by saving each alone.
                log.LogWarning(failed, "Saving {Count} new packets together failed; saving each alone", batch.Count);
                foreach (var one in batch) await SaveAloneAsync(one);
            }
            catch (Exception failed)
            {
                // The database itself failed (unreachable, timed out): trying each alone would only make each wait again.
                foreach (var waiting in batch) waiting.Saved.TrySetException(failed);
            }
            batch.Clear();
        }
    }

    private async Task SaveAloneAsync(Waiting one)
    {
        try
        {
            await SaveTogetherAsync([one]);
            one.Saved.TrySetResult();
        }
        catch (Exception failed)
        {
            one.Saved.TrySetException(failed);
        }
    }

    /// <summary>In a scope of its own each time: a failed save leaves nothing tracked for the next.</summary>
    private async Task SaveTogetherAsync(IReadOnlyList<Waiting> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
        foreach (var waiting in batch) db.Packets.Add(waiting.Packet);
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().SaveAsync([.. batch.Select(w => w.Created)]);
    }
}
