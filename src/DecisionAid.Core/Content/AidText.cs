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
    /// <summary>The health problem the decision is about (IPDAS Q1); missing is a finding of the standards' checks.</summary>
    public LocatedText? Condition { get; init; }
    /// <summary>The decision to be made, naming the procedure (IPDAS Q2).</summary>
    public LocatedText? Decision { get; init; }
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
    /// <summary>Words a patient may type to find the aid in this language ("knee pain", "RFA"); never shown.</summary>
    public IReadOnlyList<LocatedText> SearchTerms { get; init; } = [];
    public IReadOnlyDictionary<string, LocatedText> Aftercare { get; init; } = new Dictionary<string, LocatedText>();
    public required IReadOnlyDictionary<string, NamedText> Targets { get; init; }
    public required IReadOnlyDictionary<string, NamedText> Methods { get; init; }
    public required IReadOnlyDictionary<string, LocatedText> Properties { get; init; }
    public required IReadOnlyDictionary<string, HealthFactorText> HealthFactors { get; init; }

    /// <summary>Every text with its key path in the language file ("alternatives.medicines.name"), the same in every language.</summary>
    public IEnumerable<(string Path, LocatedText Text)> ByPath()
    {
        yield return ("summary", Summary);
        if (Condition is not null) yield return ("condition", Condition);
        if (Decision is not null) yield return ("decision", Decision);
        yield return ("what_it_is", WhatItIs);
        foreach (var (id, s) in Steps) { yield return ($"steps.{id}.title", s.Title); yield return ($"steps.{id}.text", s.Text); yield return ($"steps.{id}.alt", s.Alt); }
        foreach (var (id, m) in Methods) { yield return ($"methods.{id}.name", m.Name); yield return ($"methods.{id}.description", m.Description); }
        foreach (var (id, t) in Targets) { yield return ($"targets.{id}.name", t.Name); yield return ($"targets.{id}.description", t.Description); }
        foreach (var (id, p) in Properties) yield return ($"properties.{id}", p);
        yield return ("benefits.intro", BenefitsIntro);
        foreach (var (id, b) in Benefits) yield return ($"benefits.items.{id}", b);
        yield return ("risks.overview", RisksOverview);
        yield return ("risks.main_risk", MainRisk);
        foreach (var (id, r) in Risks)
        {
            yield return ($"risks.items.{id}.name", r.Name);
            if (r.Unit is not null) yield return ($"risks.items.{id}.unit", r.Unit);
            yield return ($"risks.items.{id}.text", r.Text);
            foreach (var (property, h) in r.HigherWhen) yield return ($"risks.items.{id}.higher_when.{property}", h);
        }
        foreach (var (id, f) in HealthFactors)
        {
            yield return ($"health_factors.{id}.name", f.Name);
            foreach (var (risk, reason) in f.Reasons) yield return ($"health_factors.{id}.reasons.{risk}", reason);
        }
        foreach (var (part, t) in Procedure.Parts()) yield return ($"procedure.{part}", t);
        foreach (var (id, a) in Alternatives)
        {
            yield return ($"alternatives.{id}.name", a.Name);
            yield return ($"alternatives.{id}.text", a.Text);
            foreach (var (part, t) in a.Comparison.Parts()) yield return ($"alternatives.{id}.{part}", t);
        }
        foreach (var (id, q) in Questions) yield return ($"questions.{id}", q);
        foreach (var (id, v) in Values) yield return ($"values.{id}", v);
        foreach (var (id, a) in Aftercare) yield return ($"aftercare.{id}", a);
        foreach (var (id, k) in KnowledgeCheck)
        {
            yield return ($"knowledge_check.{id}.question", k.Question);
            foreach (var (choice, c) in k.Choices) yield return ($"knowledge_check.{id}.choices.{choice}", c);
            yield return ($"knowledge_check.{id}.explanation", k.Explanation);
        }
    }

    /// <summary>Every text a patient reads, in the order the aid page shows it, with the section it belongs to.</summary>
    /// <summary>
    /// The order a patient's packet reads in: the summary, then "Your risks" (the risks' overview, the main risk, each
    /// risk with the health factors' reasons as its notes), then the rest of the aid as <see cref="ReadingOrder"/> has it.
    /// </summary>
    public IEnumerable<(string Section, LocatedText Text)> PacketReadingOrder()
    {
        static bool First(string section) => section is "summary" or "risks" or "health_factors";
        return ReadingOrder().Where(t => First(t.Section)).Concat(ReadingOrder().Where(t => !First(t.Section)));
    }

    public IEnumerable<(string Section, LocatedText Text)> ReadingOrder()
    {
        yield return ("summary", Summary);
        if (Condition is not null) yield return ("summary", Condition);
        if (Decision is not null) yield return ("summary", Decision);
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

    public IEnumerable<(string Part, LocatedText Text)> Parts() => [("involves", Involves), ("relief", Relief), ("risks", Risks)];
}

public sealed record AlternativeText(LocatedText Name, LocatedText Text, ComparisonText Comparison);

public sealed record KnowledgeText(LocatedText Question, IReadOnlyDictionary<string, LocatedText> Choices, LocatedText Explanation);

public sealed record NamedText(LocatedText Name, LocatedText Description);

/// <summary>A health factor's name, and per raised risk the reason shown as "higher for you".</summary>
public sealed record HealthFactorText(LocatedText Name, IReadOnlyDictionary<string, LocatedText> Reasons);
