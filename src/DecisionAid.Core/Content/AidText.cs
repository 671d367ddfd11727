namespace DecisionAid.Core.Content;

/// <summary>The words of one aid in one language, keyed by the ids of aid.yaml. Texts may hold light Markdown.</summary>
public sealed record AidText
{
    public required string Language { get; init; }
    /// <summary>The aid version this translation was last revised for.</summary>
    public required string RevisedFor { get; init; }
    public required SourceLocation Location { get; init; }
    public required LocatedText Title { get; init; }
    public required LocatedText Summary { get; init; }
    public required LocatedText WhatItIs { get; init; }
    public required IReadOnlyDictionary<string, StepText> Steps { get; init; }
    public required LocatedText BenefitsIntro { get; init; }
    public required IReadOnlyDictionary<string, LocatedText> Benefits { get; init; }
    public required LocatedText RisksOverview { get; init; }
    public required LocatedText MainRisk { get; init; }
    public required IReadOnlyDictionary<string, RiskText> Risks { get; init; }
    /// <summary>How this procedure reads in the options table, beside the alternatives.</summary>
    public required ComparisonText Procedure { get; init; }
    public required IReadOnlyDictionary<string, AlternativeText> Alternatives { get; init; }
    public required IReadOnlyDictionary<string, LocatedText> Questions { get; init; }
    public required IReadOnlyDictionary<string, KnowledgeText> KnowledgeCheck { get; init; }
    public IReadOnlyDictionary<string, LocatedText> Values { get; init; } = new Dictionary<string, LocatedText>();
    public IReadOnlyDictionary<string, LocatedText> Aftercare { get; init; } = new Dictionary<string, LocatedText>();
    public required IReadOnlyDictionary<string, NamedText> Targets { get; init; }
    public required IReadOnlyDictionary<string, NamedText> Methods { get; init; }
    public required IReadOnlyDictionary<string, LocatedText> Properties { get; init; }
    public required IReadOnlyDictionary<string, HealthFactorText> HealthFactors { get; init; }

    /// <summary>Every text a patient reads, in the order the aid page shows it, with the section it belongs to.</summary>
    public IEnumerable<(string Section, LocatedText Text)> ReadingOrder()
    {
        yield return ("summary", Summary);
        yield return ("what_it_is", WhatItIs);
        foreach (var s in Steps.Values) { yield return ("steps", s.Title); yield return ("steps", s.Text); yield return ("steps", s.Alt); }
        foreach (var m in Methods.Values) { yield return ("methods_and_targets", m.Name); yield return ("methods_and_targets", m.Description); }
        foreach (var t in Targets.Values) { yield return ("methods_and_targets", t.Name); yield return ("methods_and_targets", t.Description); }
        foreach (var p in Properties.Values) yield return ("methods_and_targets", p);
        yield return ("benefits", BenefitsIntro);
        foreach (var b in Benefits.Values) yield return ("benefits", b);
        yield return ("risks", RisksOverview);
        yield return ("risks", MainRisk);
        foreach (var r in Risks.Values)
        {
            yield return ("risks", r.Name);
            if (r.Unit is not null) yield return ("risks", r.Unit);
            yield return ("risks", r.Text);
            foreach (var h in r.HigherWhen.Values) yield return ("risks", h);
        }
        foreach (var f in HealthFactors.Values)
        {
            yield return ("health_factors", f.Name);
            foreach (var r in f.Reasons.Values) yield return ("health_factors", r);
        }
        foreach (var t in Procedure.All()) yield return ("options", t);
        foreach (var a in Alternatives.Values)
        {
            yield return ("options", a.Name);
            yield return ("options", a.Text);
            foreach (var t in a.Comparison.All()) yield return ("options", t);
        }
        foreach (var q in Questions.Values) yield return ("questions", q);
        foreach (var v in Values.Values) yield return ("values", v);
        foreach (var a in Aftercare.Values) yield return ("aftercare", a);
        foreach (var k in KnowledgeCheck.Values)
        {
            yield return ("knowledge_check", k.Question);
            foreach (var c in k.Choices.Values) yield return ("knowledge_check", c);
            yield return ("knowledge_check", k.Explanation);
        }
    }
}

public sealed record StepText(LocatedText Title, LocatedText Text, LocatedText Alt);

/// <param name="Unit">What the chance counts when not people (e.g. "treatment sessions"); null means people.</param>
public sealed record RiskText(LocatedText Name, LocatedText Text, IReadOnlyDictionary<string, LocatedText> HigherWhen, LocatedText? Unit = null);

public sealed record ComparisonText(LocatedText Involves, LocatedText Relief, LocatedText Risks)
{
    public IEnumerable<LocatedText> All() => [Involves, Relief, Risks];
}

public sealed record AlternativeText(LocatedText Name, LocatedText Text, ComparisonText Comparison);

public sealed record KnowledgeText(LocatedText Question, IReadOnlyDictionary<string, LocatedText> Choices, LocatedText Explanation);

public sealed record NamedText(LocatedText Name, LocatedText Description);

/// <summary>A health factor's name, and per raised risk the reason shown as "higher for you".</summary>
public sealed record HealthFactorText(LocatedText Name, IReadOnlyDictionary<string, LocatedText> Reasons);
