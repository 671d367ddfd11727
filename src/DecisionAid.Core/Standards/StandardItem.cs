using DecisionAid.Core.Content;

namespace DecisionAid.Core.Standards;

public enum JudgedBy
{
    /// <summary>The checker judges it: its finding codes fail it, or its <see cref="StandardItem.Holds"/> test does.</summary>
    Machine,
    Person,
    NotApplicable,
}

/// <summary>
/// One item of a published standard, said in our own words (<see cref="Says"/>), with how it is judged here:
/// the finding codes that fail it, or a test over the content, and what the dossier shows as evidence.
/// </summary>
/// <param name="Id">Stable id, e.g. "IPDAS-Q1"; aid.yaml's standards_evidence names person-judged items by it.</param>
/// <param name="Standard">Which standard and part, e.g. "IPDAS v4.0, qualifying".</param>
/// <param name="How">How the machine judges it, or why only a person can.</param>
public sealed record StandardItem(string Id, string Standard, string Says, JudgedBy JudgedBy, IReadOnlyList<string> Codes, string How)
{
    /// <summary>What the checker found for it in one aid: texts and numbers, with their file:line.</summary>
    public Func<Aid, IEnumerable<Evidence>>? Evidence { get; init; }

    /// <summary>For a machine item with no finding code: whether the content holds it.</summary>
    public Func<Aid, bool>? Holds { get; init; }
}
