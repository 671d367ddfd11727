namespace DecisionAid.Web.Outcomes;

/// <summary>
/// Counts, once, the packets stored before the outcome counts existed: in the background after the site starts, so a
/// large database does not hold back the first request. Until it has finished, the outcomes page computes its numbers
/// from every packet and answer (the same numbers, more slowly). Several nodes may count at once: each chunk is
/// counted under the packets' locks, so a packet counted by one is left alone by the other.
/// </summary>
public sealed class CountingAtStart(IServiceScopeFactory scopes, ILogger<CountingAtStart> log) : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether every packet is in the kept counts (true from the end of the count on; stays false if it failed).</summary>
    public bool Done => _done.Task.IsCompletedSuccessfully;

    public Task Completion => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
            var step = 0;
            var counted = await OutcomeCounts.CountMissingAsync(db, (done, total) =>
            {
                if ((done * 10L / total <= step && done != total) || !log.IsEnabled(LogLevel.Information)) return;
                step = (int)(done * 10L / total);
                log.LogInformation("Counting the outcomes of packets stored before the counts were kept: {Done:N0} of {Total:N0}", done, total);
            }, stoppingToken);
            if (counted > 0 && log.IsEnabled(LogLevel.Information)) log.LogInformation("Outcome counts are up to date ({Counted:N0} packets counted)", counted);
            _done.SetResult();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _done.TrySetCanceled(stoppingToken);
        }
#pragma warning disable CA1031 // the site keeps serving; the page keeps reading the records
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogError(e, "Counting the outcomes of older packets failed; the outcomes page reads every packet instead until the next start");
            _done.TrySetException(e);
        }
    }
}
