namespace DecisionAid.Records.Outcomes;

/// <summary>
/// One number of the outcomes page for the packets one practice made with one aid, language and content version
/// on one UTC day: how many were sent, opened, answered a question so, and so on (<see cref="Metrics"/>). Kept up
/// to date as packets change (<see cref="OutcomeCounts"/>), so the page sums a few rows per day instead of reading
/// every answer.
/// </summary>
public sealed class OutcomeCount
{
    public Guid PracticeId { get; set; }
    public required string AidId { get; set; }
    public DateOnly Day { get; set; }
    public required string Language { get; set; }
    public required string Version { get; set; }
    public required string Metric { get; set; }
    public long Count { get; set; }
}

/// <summary>
/// What one packet adds to <see cref="OutcomeCount"/> now, and to which day's row: the next change subtracts this
/// and adds the packet's new tally, so every count stays the sum of its packets' tallies.
/// </summary>
public sealed class OutcomeTally
{
    public Guid PacketId { get; set; }
    public Guid PracticeId { get; set; }
    public required string AidId { get; set; }
    public DateOnly Day { get; set; }
    public required string Language { get; set; }
    public required string Version { get; set; }
    /// <summary>One "metric TAB count" per line.</summary>
    public required string Counts { get; set; }
}
