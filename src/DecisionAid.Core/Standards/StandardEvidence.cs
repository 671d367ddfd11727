using System.Globalization;
using DecisionAid.Core.Content;
using static DecisionAid.Core.Checks.StandardsChecks;

namespace DecisionAid.Core.Standards;

/// <summary>What the dossier shows for an item: the texts and numbers the checker found, each with its file:line.</summary>
internal static class StandardEvidence
{
    public static IEnumerable<Evidence> Condition(Aid aid) =>
        aid.Texts.Values.Select(t => t.Condition is { } c ? new Evidence($"{t.Language}: {c.Value.Trim()}", c.Location) : new Evidence($"{t.Language}: not stated", t.Location));

    public static IEnumerable<Evidence> Decision(Aid aid) =>
        aid.Texts.Values.Select(t => t.Decision is { } c ? new Evidence($"{t.Language}: {c.Value.Trim()}", c.Location) : new Evidence($"{t.Language}: not stated", t.Location));

    public static IEnumerable<Evidence> Options(Aid aid) =>
        aid.Texts.Values.Select(t => new Evidence(
            $"{t.Language}: {t.Title.Value}; " + string.Join("; ", aid.Alternatives.Select(a => t.Alternatives[a.Id].Name.Value + (a.Kind == AlternativeKind.NoTreatment ? " (no treatment)" : ""))),
            t.Location));

    public static IEnumerable<Evidence> Benefits(Aid aid) => OptionParts(aid, c => c.Relief,
        string.Create(CultureInfo.InvariantCulture, $"{aid.Benefits.Count} benefits of the procedure, {aid.Benefits.Count(b => b.Frequency is not null)} with a number"));

    public static IEnumerable<Evidence> Harms(Aid aid) => OptionParts(aid, c => c.Risks,
        string.Create(CultureInfo.InvariantCulture, $"{aid.Risks.Count} risks of the procedure, {aid.Risks.Count(r => r.Frequency is not null)} with a number, {aid.Risks.Count(r => r.Serious)} marked serious"));

    private static IEnumerable<Evidence> OptionParts(Aid aid, Func<ComparisonText, LocatedText> part, string count)
    {
        yield return new Evidence(count, aid.Location);
        foreach (var t in aid.Texts.Values)
        {
            yield return new Evidence($"{t.Language}, {t.Title.Value}: {part(t.Procedure).Value.Trim()}", part(t.Procedure).Location);
            foreach (var (id, a) in t.Alternatives) yield return new Evidence($"{t.Language}, {a.Name.Value}: {part(a.Comparison).Value.Trim()}", part(a.Comparison).Location);
        }
    }

    public static IEnumerable<Evidence> Detail(Aid aid) =>
        aid.Texts.Values.SelectMany(t => new[] { (t.Title.Value, t.Procedure) }.Concat(t.Alternatives.Values.Select(a => (a.Name.Value, a.Comparison)))
            .Select(o => new Evidence(string.Create(CultureInfo.InvariantCulture,
                $"{t.Language}, {o.Item1}: benefits {Words(o.Item2.Relief.Value)} words, harms {Words(o.Item2.Risks.Value)} words"), o.Item2.Risks.Location)));

    public static IEnumerable<Evidence> Experience(Aid aid) =>
    [
        new(string.Create(CultureInfo.InvariantCulture, $"{aid.Steps.Count} steps, each with a picture and its words; {aid.Aftercare.Count} aftercare items (what to expect, do, and when to call)"), aid.Location),
    ];

    public static IEnumerable<Evidence> Citations(Aid aid)
    {
        var numbered = aid.Risks.Count(r => r.Frequency is not null) + aid.Benefits.Count(b => b.Frequency is not null);
        yield return new Evidence(string.Create(CultureInfo.InvariantCulture,
            $"{aid.Sources.Count} sources, each with its year; {numbered} chances, each citing its source"), aid.Location);
        foreach (var s in aid.Sources) yield return new Evidence(string.Create(CultureInfo.InvariantCulture, $"{s.Key} ({s.Year}): {s.Citation}"), s.Location);
    }

    public static IEnumerable<Evidence> Published(Aid aid) =>
        aid.Declarations.Published is { } p ? [new($"first published {p.Value}; last reviewed {Iso(aid.Reviewed)}; version {aid.Version}", p.Location)] : [];

    public static IEnumerable<Evidence> UpdatePolicy(Aid aid)
    {
        var d = aid.Declarations;
        if (d.NextReview is { } next) yield return new Evidence($"reviewed last on {Iso(aid.Reviewed)}, next by {next.Value}", next.Location);
        if (d.ReviewSoonerWhen.Count > 0)
            yield return new Evidence("reviewed sooner when: " + string.Join(", ", d.ReviewSoonerWhen.Select(t => t.Value)), d.ReviewSoonerWhen[0].Location);
    }

    public static IEnumerable<Evidence> Uncertainty(Aid aid)
    {
        var chances = aid.Risks.Select(r => r.Frequency).Concat(aid.Benefits.Select(b => b.Frequency)).OfType<Frequency>().ToList();
        var noNumber = aid.Risks.Where(r => r.Frequency is null).Select(r => r.Id).ToList();
        yield return new Evidence(string.Create(CultureInfo.InvariantCulture,
            $"{chances.Count(c => c.CountHigh is not null)} of {chances.Count} chances are given as a range; {noNumber.Count} risks are shown with no number because no reliable one exists ({string.Join(", ", noNumber)})"), aid.Location);
    }

    public static IEnumerable<Evidence> Funding(Aid aid) =>
        aid.Declarations.Funding is { } f ? [new(f.Value, f.Location)] : [];

    public static IEnumerable<Evidence> Conflicts(Aid aid) =>
        aid.Declarations.ConflictsOfInterest is { } c ? [new(c.Value, c.Location)] : [];

    public static IEnumerable<Evidence> People(Aid aid) =>
        aid.Declarations.Authors.Select(a => new Evidence($"author: {a.Name}, {a.Role}", a.Location))
            .Concat(aid.Reviewers.Select(r => new Evidence($"reviewer: {r.Name}, {r.Role}", r.Location)));

    public static IEnumerable<Evidence> Denominators(Aid aid)
    {
        foreach (var (what, items) in new[] { ("risks", aid.Risks.Select(r => r.Frequency)), ("benefits", aid.Benefits.Select(b => b.Frequency)) })
        {
            var denominators = items.OfType<Frequency>().GroupBy(f => f.Denominator).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} out of {g.Key:N0}"));
            yield return new Evidence($"{what}: " + string.Join(", ", denominators), aid.Location);
        }
    }

    public static IEnumerable<Evidence> Serious(Aid aid) =>
        aid.Risks.Where(r => r.Serious).Select(r => new Evidence(
            $"{r.Id}: " + (r.Frequency is { } f ? string.Create(CultureInfo.InvariantCulture, $"{f.Count} in {f.Denominator}") : "no reliable number") +
            (r.IsGeneral ? ", told to everyone" : $", told where it applies ({string.Join(", ", r.Targets.Concat(r.Methods))})"), r.Location));

    public static IEnumerable<Evidence> Values(Aid aid) =>
        [new(string.Create(CultureInfo.InvariantCulture, $"{aid.Values.Count} statements the patient rates from 'not at all' to 'very much'"), aid.Location)];

    public static IEnumerable<Evidence> Guidance(Aid aid) =>
        [new(string.Create(CultureInfo.InvariantCulture, $"{aid.Questions.Count} questions to ask the care team; a place to write their own; a decision step (decide, or ask to talk first)"), aid.Location)];

    public static IEnumerable<Evidence> Knowledge(Aid aid) =>
        [new(string.Create(CultureInfo.InvariantCulture, $"{aid.KnowledgeCheck.Count} knowledge questions, each with its explanation; the site records answers per aid version"), aid.Location)];

    /// <summary>Every numbered chance in its words, per language: the group it counts and, for a benefit, its time.</summary>
    public static IEnumerable<Evidence> ChanceWords(Aid aid) =>
        aid.Texts.Values.SelectMany(t =>
            aid.Risks.Where(r => r.Frequency is not null && t.Risks.ContainsKey(r.Id)).Select(r => (r.Id, t.Risks[r.Id].Text))
                .Concat(aid.Benefits.Where(b => b.Frequency is not null && t.Benefits.ContainsKey(b.Id)).Select(b => (b.Id, t.Benefits[b.Id])))
                .Select(x => new Evidence($"{t.Language}, {x.Id}: {x.Item2.Value.Trim()}", x.Item2.Location)));

    public static IEnumerable<Evidence> Formats(Aid aid)
    {
        var numbered = aid.Risks.Count(r => r.Frequency is not null) + aid.Benefits.Count(b => b.Frequency is not null);
        yield return new Evidence(string.Create(CultureInfo.InvariantCulture,
            $"{numbered} chances, each shown in words ('about 1 in 1,000 people'), as a number, and as a picture of 100 or 1,000 people (an icon array); the options side by side in one table"), aid.Location);
    }

    public static IEnumerable<Evidence> NoTreatment(Aid aid) =>
        aid.Alternatives.Where(a => a.Kind == AlternativeKind.NoTreatment).SelectMany(a => aid.Texts.Values
            .Select(t => new Evidence($"{t.Language}, {t.Alternatives[a.Id].Name.Value}: {t.Alternatives[a.Id].Text.Value.Trim()}", t.Alternatives[a.Id].Text.Location)));

    public static IEnumerable<Evidence> Reading(Aid aid) =>
        aid.Texts.Values.Select(t => new Evidence($"{t.Language}: see the reading table", t.Location));

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
