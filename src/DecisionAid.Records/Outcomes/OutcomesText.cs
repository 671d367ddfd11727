using System.Globalization;
using DecisionAid.Core.Content;
using DecisionAid.Core.Outcomes;

namespace DecisionAid.Records.Outcomes;

/// <summary>The outcomes summary as plain text (the `pda outcomes` command): the same numbers as the page.</summary>
public static class OutcomesText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Percent(Proportion p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.Value is not { } v ? $"- (0 of 0)" : $"{v * 100:0.0}% ({p.Count:N0} of {p.Total:N0}; 95% CI {p.Interval!.Value.Low * 100:0.0} to {p.Interval.Value.High * 100:0.0})";
    }

    public static void Write(TextWriter output, Aid aid, OutcomesFilter filter, IReadOnlyList<VersionOutcomes> versions, int minimum)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(aid);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(versions);
        output.WriteLine(string.Create(Invariant, $"{aid.Id}: packets made {filter.From:yyyy-MM-dd} to {filter.To:yyyy-MM-dd} (UTC)"));
        if (versions.Count == 0) output.WriteLine("no packets in this range");
        foreach (var v in versions)
        {
            output.WriteLine();
            output.WriteLine(string.Create(Invariant, $"version {v.Version}, {v.Language}"));
            output.WriteLine(string.Create(Invariant, $"  sent {v.Sent:N0}, opened {Percent(v.OpenedShare)}, finished {Percent(v.FinishedShare)}"));
            output.WriteLine(string.Create(Invariant, $"  knowledge check done by {v.ChecksDone:N0}: mean {v.MeanScore?.ToString("0.00", Invariant) ?? "-"} of {v.Questions}; all right {Percent(v.Perfect)}"));
            foreach (var q in v.ByQuestion)
                output.WriteLine(string.Create(Invariant, $"    {q.Id}: missed {Percent(q.MissRate)}"));
            output.WriteLine(string.Create(Invariant, $"  SURE (any \"no\", a sign of decisional conflict): {Percent(v.SureConflict)}"));
            var satisfaction = v.SatisfactionMean;
            output.WriteLine(string.Create(Invariant, $"  satisfaction 1-5: {string.Join(" / ", v.Satisfaction.Select(n => n.ToString("N0", Invariant)))}; mean {satisfaction.Value?.ToString("0.00", Invariant) ?? "-"}"));
            output.WriteLine(string.Create(Invariant, $"  reading time: mean {v.MeanReadingMinutes?.ToString("0.0", Invariant) ?? "-"} minutes over {v.Readers:N0} readers"));
            foreach (var item in v.Survey)
                output.WriteLine(string.Create(Invariant, $"  survey {item.Item.Id}: {MeanWithInterval(item.Mean, item.Interval)}, skipped {item.Skipped:N0}; trial with aid {Trial(item.Item.TrialWithAid)}, without {Trial(item.Item.TrialWithoutAid)}"));
            output.WriteLine(string.Create(Invariant, $"  consent: signed {v.Decisions.GetValueOrDefault("signed"):N0}, talk first {v.Decisions.GetValueOrDefault("talk-first"):N0}, declined {v.Decisions.GetValueOrDefault("declined"):N0}, withdrawn {v.Decisions.GetValueOrDefault("withdrawn"):N0}; sealed {v.Sealed:N0}"));
        }
        foreach (var (older, newer) in Comparisons(versions))
        {
            output.WriteLine();
            output.WriteLine(string.Create(Invariant, $"{older.Version} -> {newer.Version} ({newer.Language}), all right in the knowledge check: {Difference(older, newer, minimum)}"));
        }
    }

    /// <summary>"4.32 (95% CI 4.10 to 4.54; n=37)", or "- (n=0)".</summary>
    public static string MeanWithInterval(Mean mean, (double Low, double High)? interval)
    {
        ArgumentNullException.ThrowIfNull(mean);
        if (mean.Value is not { } value) return "- (n=0)";
        return interval is var (low, high)
            ? string.Create(Invariant, $"{value:0.00} (95% CI {low:0.00} to {high:0.00}; n={mean.Count:N0})")
            : string.Create(Invariant, $"{value:0.00} (n={mean.Count:N0})");
    }

    /// <summary>A published mean, or "none" when the trial reported none we can stand behind.</summary>
    public static string Trial(double? value) => value?.ToString("0.0", Invariant) ?? "none";

    /// <summary>Each version beside the one before it, in the same language.</summary>
    public static IEnumerable<(VersionOutcomes Older, VersionOutcomes Newer)> Comparisons(IReadOnlyList<VersionOutcomes> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        foreach (var language in versions.GroupBy(v => v.Language))
        {
            var ordered = language.OrderBy(v => Versions.SortKey(v.Version)).ToList();
            for (var i = 1; i < ordered.Count; i++) yield return (ordered[i - 1], ordered[i]);
        }
    }

    /// <summary>The change in the share of patients with every answer right, or why it is not shown yet.</summary>
    public static string Difference(VersionOutcomes older, VersionOutcomes newer, int minimum)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        if (older.ChecksDone < minimum || newer.ChecksDone < minimum)
            return string.Create(Invariant, $"not enough patients yet (at least {minimum} per version; {older.ChecksDone:N0} and {newer.ChecksDone:N0} so far)");
        var (d, low, high) = newer.Perfect.Minus(older.Perfect)!.Value;
        return string.Create(Invariant, $"{d * 100:+0.0;-0.0;0.0} points (95% CI {low * 100:+0.0;-0.0;0.0} to {high * 100:+0.0;-0.0;0.0})");
    }
}
