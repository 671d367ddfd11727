using System.Globalization;
using DecisionAid.Core.Content;

namespace DecisionAid.Core.Checks;

/// <summary>
/// The International Patient Decision Aid Standards (IPDAS) items a content file can show: every option including
/// no treatment, benefits and harms, comparable risks in one denominator, cited numbers, a recent review by named people.
/// </summary>
internal static class IpdasChecks
{
    public static IEnumerable<Finding> Check(Aid aid, CheckOptions options, DateOnly today)
    {
        if (!aid.Alternatives.Any(a => a.Kind == AlternativeKind.NoTreatment))
            yield return Error(FindingCodes.NoTreatmentOptionMissing, aid.Location, "the options must include choosing no treatment (an alternative with kind: no-treatment)");
        if (!aid.Alternatives.Any(a => a.Kind == AlternativeKind.Treatment))
            yield return Error(FindingCodes.TooFewOptions, aid.Location, "the options must include at least one other treatment besides this procedure and no treatment");
        if (aid.Benefits.Count == 0)
            yield return Error(FindingCodes.NoBenefits, aid.Location, "the aid states no benefits; list what the procedure can do for the patient");
        if (aid.Risks.Count == 0)
            yield return Error(FindingCodes.NoHarms, aid.Location, "the aid states no risks; list the harms with their chances");

        foreach (var f in MixedDenominators(aid.Risks.Where(r => r.Frequency is not null).Select(r => (r.Id, r.Frequency!, r.Location)), "risks")) yield return f;
        foreach (var f in MixedDenominators(aid.Benefits.Where(b => b.Frequency is not null).Select(b => (b.Id, b.Frequency!, b.Location)), "benefits")) yield return f;

        foreach (var benefit in aid.Benefits.Where(b => b.SourceKeys.Count == 0))
            yield return Error(FindingCodes.Uncited, benefit.Location, $"benefit '{benefit.Id}' cites no source; add the key of the study it comes from");
        foreach (var risk in aid.Risks.Where(r => r.SourceKeys.Count == 0))
            yield return Error(FindingCodes.Uncited, risk.Location, $"risk '{risk.Id}' cites no source; add the key of the study it comes from");
        foreach (var raise in aid.Personalisation.HealthFactors.SelectMany(h => h.Raises).Where(r => r.SourceKeys.Count == 0))
            yield return Error(FindingCodes.Uncited, raise.Location, $"the rule that raises risk '{raise.RiskId}' cites no source");

        var cited = aid.Benefits.SelectMany(b => b.SourceKeys)
            .Concat(aid.Risks.SelectMany(r => r.SourceKeys))
            .Concat(aid.Personalisation.HealthFactors.SelectMany(h => h.Raises).SelectMany(r => r.SourceKeys))
            .Concat(aid.Aftercare.SelectMany(a => a.SourceKeys))
            .Concat(aid.Alternatives.SelectMany(a => a.SourceKeys))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var source in aid.Sources.Where(s => !cited.Contains(s.Key)))
            yield return new Finding(FindingCodes.SourceUnused, Severity.Warning, source.Location, $"source '{source.Key}' is listed but nothing cites it");

        if (aid.Reviewed > today)
            yield return Error(FindingCodes.ReviewDateInFuture, aid.ReviewedLocation, $"the review date {Iso(aid.Reviewed)} is in the future");
        else if (aid.Reviewed.AddYears(options.ReviewYears) < today)
            yield return Error(FindingCodes.ReviewOverdue, aid.ReviewedLocation,
                $"the content was last reviewed on {Iso(aid.Reviewed)}, more than {options.ReviewYears} years ago; review it and update 'reviewed'");
        if (aid.Reviewers.Count == 0)
            yield return Error(FindingCodes.NoReviewers, aid.Location, "name the people who reviewed this aid (reviewers: name and role)");
    }

    /// <summary>IPDAS: show comparable chances over the same number of people, so "1 in 1,000" and "5 in 100" are not compared by eye.</summary>
    private static IEnumerable<Finding> MixedDenominators(IEnumerable<(string Id, Frequency Frequency, SourceLocation Location)> items, string what)
    {
        var list = items.ToList();
        if (list.Count < 2) yield break;
        var common = list.GroupBy(i => i.Frequency.Denominator).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        foreach (var (id, frequency, location) in list.Where(i => i.Frequency.Denominator != common))
            yield return Error(FindingCodes.MixedDenominators, location,
                string.Create(CultureInfo.InvariantCulture, $"'{id}' is given out of {frequency.Denominator} but the other {what} are out of {common}; use the same number of people so they can be compared"));
    }

    private static Finding Error(string code, SourceLocation location, string message) => new(code, Severity.Error, location, message);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
