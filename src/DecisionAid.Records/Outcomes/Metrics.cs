using DecisionAid.Records.Packets;

namespace DecisionAid.Records.Outcomes;

/// <summary>
/// What one packet adds to the outcomes page's numbers, as named counts. Nothing here depends on an aid's content
/// (its answer key, how many questions it asks), so a content change never makes a kept count wrong: the page
/// applies the aid it shows when it reads them (<see cref="OutcomesQuery"/>).
/// </summary>
public static class Metrics
{
    public const string Sent = "sent", Opened = "opened", Finished = "finished", Readers = "readers", Seconds = "seconds";
    /// <summary>Answered all four SURE items; of those, said "no" to any.</summary>
    public const string SureComplete = "sure-complete", SureAnyNo = "sure-any-no";
    /// <summary>Sealed consent records (withdrawals are records of another kind).</summary>
    public const string Sealed = "sealed";
    private const string AnswerPrefix = "answer|", DecisionPrefix = "decision|", KnowledgeSetPrefix = "knowledge-set|";

    /// <summary>The answer kinds a tally reads; values and the patient's own questions are not counted.</summary>
    public static readonly string[] CountedKinds = [AnswerKinds.Knowledge, AnswerKinds.Sure, AnswerKinds.Satisfaction, AnswerKinds.Survey];

    public static string Answer(string kind, string item, string value) => AnswerPrefix + string.Join('|', kind, Escape(item), Escape(value));

    public static string Decision(string choice) => DecisionPrefix + Escape(choice);

    /// <summary>
    /// The packet's knowledge answers together, in item order: the page scores each set against the aid's answer key
    /// and counts the sets that answer every question, as it would by reading the answers.
    /// </summary>
    public static string KnowledgeSet(IEnumerable<(string Item, string Value)> answers) =>
        KnowledgeSetPrefix + string.Join('|', answers.OrderBy(a => a.Item, StringComparer.Ordinal).Select(a => $"{Escape(a.Item)}={Escape(a.Value)}"));

    /// <summary>The kind, item and value of an <see cref="Answer"/> metric; null for other metrics.</summary>
    public static (string Kind, string Item, string Value)? ParseAnswer(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (!metric.StartsWith(AnswerPrefix, StringComparison.Ordinal)) return null;
        var parts = metric[AnswerPrefix.Length..].Split('|');
        return parts.Length == 3 ? (parts[0], Unescape(parts[1]), Unescape(parts[2])) : null;
    }

    public static string? ParseDecision(string metric) =>
        metric.StartsWith(DecisionPrefix, StringComparison.Ordinal) ? Unescape(metric[DecisionPrefix.Length..]) : null;

    /// <summary>The item and value of each answer in a <see cref="KnowledgeSet"/> metric; null for other metrics.</summary>
    public static IReadOnlyList<(string Item, string Value)>? ParseKnowledgeSet(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (!metric.StartsWith(KnowledgeSetPrefix, StringComparison.Ordinal)) return null;
        return [.. metric[KnowledgeSetPrefix.Length..].Split('|', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            return (Unescape(pair[..at]), Unescape(pair[(at + 1)..]));
        })];
    }

    // Ids and choices are plain slugs; escaping keeps any other text from reading as a separator.
    private static string Escape(string part) => Uri.EscapeDataString(part);

    private static string Unescape(string part) => Uri.UnescapeDataString(part);
}
