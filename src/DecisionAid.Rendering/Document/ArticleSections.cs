using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;
using DecisionAid.Rendering.IconArrays;
using DecisionAid.Rendering.Text;

namespace DecisionAid.Rendering.Document;

/// <summary>
/// The sections of the aid itself, in the order every output shows them. For a packet (<paramref name="choices"/>)
/// the body keeps what is the patient's own: the chosen method and nerve, their benefits; its risks are in "Your
/// risks". The parts for the other nerves and methods follow, closed, as "Other treatments in this guide".
/// </summary>
internal sealed class ArticleSections(Aid aid, AidText text, UiText ui, PacketChoices? choices = null)
{
    public IReadOnlyList<Section> All(bool knowledgeCheck)
    {
        // A packet shows the summary before "Your risks" (see AidDocument), so the treatment is named before its risks.
        var sections = new List<Section>();
        if (choices is null) sections.Add(Summary());
        sections.Add(new("what-it-is", "what-h", ui.WhatIsIt, [new Prose(text.WhatItIs.Value)]));
        sections.Add(Steps());
        if (aid.Personalisation.Methods.Count > 0 || aid.Personalisation.Targets.Count > 0) sections.Add(WaysToTreat());
        sections.Add(Benefits());
        // A packet lists its risks once, under "Your risks" at the top.
        if (choices is null) sections.Add(Risks());
        if (aid.Personalisation.HealthFactors.Count > 0) sections.Add(YourHealth());
        sections.Add(Options());
        sections.Add(new Section("questions", "questions-h", ui.QuestionsToAsk,
            [new BulletList([.. aid.Questions.Select(q => text.Questions[q.Id].Value)], "questions")]));
        if (OtherTreatments() is { } other) sections.Add(other);
        if (knowledgeCheck) sections.Add(KnowledgeCheck());
        return sections;
    }

    /// <summary>"In short": the summary, then the condition and the decision to be made (IPDAS Q1 and Q2).</summary>
    public Section Summary()
    {
        var decision = string.Join("\n\n", new[] { text.Condition?.Value, text.Decision?.Value }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return new("summary", "summary-h", ui.InShort,
            decision.Length == 0 ? [new Prose(text.Summary.Value)] : [new Prose(text.Summary.Value), new Callout("decision", ui.TheDecision, decision)], "summary");
    }

    /// <summary>Whether an item tied to these nerves and methods is the patient's own (on the public page, all are).</summary>
    private bool Own(IReadOnlyList<string> targets, IReadOnlyList<string> methods) =>
        choices is null || YourRisks.Applies(targets, methods, choices);

    /// <summary>The methods the body describes: all of them, or only the one chosen for the packet.</summary>
    private IEnumerable<ItemRef> OwnMethods(bool own) => aid.Personalisation.Methods.Where(m => (choices?.Method is null || m.Id == choices.Method) == own);

    private IEnumerable<Target> OwnTargets(bool own) => aid.Personalisation.Targets.Where(t => (choices?.Target is null || t.Id == choices.Target) == own);

    /// <summary>The risks' overview and the main risk: under "What can go wrong?" or, in a packet, under "Your risks".</summary>
    public IReadOnlyList<Block> RisksIntro() =>
    [
        new Prose(text.RisksOverview.Value),
        new Callout("main-risk", ui.MainRisk, text.MainRisk.Value),
    ];

    public Section Closing() => new("sources", "sources-h", ui.Sources,
    [
        new SourceList(aid.Sources,
            $"{ui.Format(ui.ReviewedOn, ui.Date(aid.Reviewed), string.Join(", ", aid.Reviewers.Select(r => r.Name)))} {ui.Format(ui.Version, aid.Version)}.",
            // A packet keeps its long list closed (the review date stays in view); the public page and paper show it.
            choices is null ? null : ui.Format(ui.ShowSources, aid.Sources.Count))
        {
            About = AboutTheGuide.Lines(aid, ui),
            DossierLink = ui.StandardsDossier,
        },
    ]);

    private Section Steps() => new("steps", "steps-h", ui.HowItIsDone,
    [
        new StepList([.. aid.Steps.Select((step, i) => new StepItem(
            ui.Format(ui.StepNumber, i + 1), UiText.Label(text.Steps[step.Id].Title.Value), step.Picture,
            text.Steps[step.Id].Alt.Value, text.Steps[step.Id].Text.Value))]),
    ]);

    private Section WaysToTreat()
    {
        var blocks = new List<Block>();
        var methods = OwnMethods(own: true).ToList();
        if (methods.Count > 0) blocks.Add(MethodTerms(methods));
        var targets = OwnTargets(own: true).ToList();
        if (targets.Count > 0)
        {
            blocks.Add(new Subheading(ui.WhereItIsDone));
            blocks.Add(TargetTerms(targets));
        }
        return new Section("methods", "methods-h", ui.WaysToTreat, blocks);
    }

    private TermList MethodTerms(IEnumerable<ItemRef> methods) =>
        new([.. methods.Select(m => new Term(UiText.Label(text.Methods[m.Id].Name.Value), [text.Methods[m.Id].Description.Value]))]);

    private TermList TargetTerms(IEnumerable<Target> targets) =>
        new([.. targets.Select(t => new Term(UiText.Label(text.Targets[t.Id].Name.Value), [text.Targets[t.Id].Description.Value]))]);

    private Section Benefits()
    {
        var blocks = new List<Block> { new Prose(text.BenefitsIntro.Value) };
        foreach (var (heading, items) in Groups(aid.Benefits.Where(b => Own(b.Targets, b.Methods)).ToList(), b => b.Targets, b => b.Methods))
        {
            if (heading is not null) blocks.Add(new Subheading(heading));
            blocks.Add(new ChanceList([.. items.Select(Benefit)], 4));
        }
        return new Section("benefits", "benefits-h", ui.HowItMayHelp, blocks);
    }

    /// <summary>
    /// A packet's parts for the nerves and methods not chosen: the other ways and places, then their benefits and
    /// risks by group. Null on the public page, or when the packet's choices leave nothing out.
    /// </summary>
    private Section? OtherTreatments()
    {
        if (choices is null) return null;
        var blocks = new List<Block>();
        var methods = OwnMethods(own: false).ToList();
        if (methods.Count > 0)
        {
            blocks.Add(new Subheading(ui.WaysToTreat));
            blocks.Add(MethodTerms(methods));
        }
        var targets = OwnTargets(own: false).ToList();
        if (targets.Count > 0)
        {
            blocks.Add(new Subheading(ui.WhereItIsDone));
            blocks.Add(TargetTerms(targets));
        }
        void AddGroups<T>(string heading, IReadOnlyList<T> items, Func<T, IReadOnlyList<string>> itemTargets, Func<T, IReadOnlyList<string>> itemMethods, Func<T, ChanceItem> item)
        {
            var others = items.Where(i => !Own(itemTargets(i), itemMethods(i))).ToList();
            if (others.Count == 0) return;
            blocks.Add(new Subheading(heading));
            foreach (var (group, members) in Groups(others, itemTargets, itemMethods))
            {
                blocks.Add(new Subheading(group!, Level: 4));
                blocks.Add(new ChanceList([.. members.Select(item)], 5));
            }
        }
        AddGroups(ui.HowItMayHelp, aid.Benefits, b => b.Targets, b => b.Methods, Benefit);
        AddGroups(ui.WhatCanGoWrong, aid.Risks, r => r.Targets, r => r.Methods, r => RiskItem(text, ui, r, "o-", [], HigherWhenNotes(r)));
        if (blocks.Count == 0) return null;
        return new Section("other-treatments", "other-h", ui.OtherTreatments,
            [new Paragraph(ui.OtherTreatmentsIntro), new Disclosure(ui.ShowOtherTreatments, blocks)], "other-treatments");
    }

    private IReadOnlyList<Note> HigherWhenNotes(Risk risk) => [.. text.Risks[risk.Id].HigherWhen.Values.Select(note => new Note("", note.Value))];

    private ChanceItem Benefit(Benefit benefit) => new(
        "b-" + benefit.Id, benefit.Frequency, IconTone.Benefit, benefit.Frequency is { } f ? ui.ChanceCaption(f) : null,
        null, [], text.Benefits[benefit.Id].Value, null, []);

    private Section Risks()
    {
        var blocks = new List<Block>(RisksIntro());
        foreach (var (heading, items) in Groups(aid.Risks, r => r.Targets, r => r.Methods))
        {
            blocks.Add(new Subheading(heading ?? ui.RisksForEveryone));
            blocks.Add(new ChanceList([.. items.Select(r => RiskItem(text, ui, r, "r-", [], HigherWhenNotes(r)))], 4));
        }
        return new Section("risks", "risks-h", ui.WhatCanGoWrong, blocks);
    }

    /// <summary>One risk as every output shows it: name, "Serious." where it is, its chance or that none is known.</summary>
    internal static ChanceItem RiskItem(AidText text, UiText ui, Risk risk, string idPrefix, IReadOnlyList<Tag> moreTags, IReadOnlyList<Note> notes)
    {
        var words = text.Risks[risk.Id];
        IReadOnlyList<Tag> tags = risk.Serious ? [new Tag(UiText.Label(ui.Serious), "tag"), .. moreTags] : moreTags;
        return new ChanceItem(
            idPrefix + risk.Id, risk.Frequency, IconTone.Risk, risk.Frequency is { } f ? ui.ChanceCaption(f, words.Unit?.Value) : null,
            words.Name.Value, tags, words.Text.Value, risk.Frequency is null ? ui.NoNumber : null, notes);
    }

    private Section YourHealth() => new("your-health", "health-h", ui.YourHealth,
    [
        new Paragraph(ui.YourHealthIntro),
        new TermList([.. aid.Personalisation.HealthFactors.Select(f => new Term(
            UiText.Label(text.HealthFactors[f.Id].Name.Value), [.. f.Raises.Select(r => text.HealthFactors[f.Id].Reasons[r.RiskId].Value)]))]),
    ]);

    private Section Options()
    {
        var rows = new List<OptionRow> { new(text.Title.Value, [.. text.Procedure.All().Select(t => t.Value)], true) };
        rows.AddRange(aid.Alternatives.Select(a => new OptionRow(text.Alternatives[a.Id].Name.Value, [.. text.Alternatives[a.Id].Comparison.All().Select(t => t.Value)], false)));
        return new Section("options", "options-h", ui.OptionsSideBySide,
        [
            new OptionsTable(ui.OptionsTable, [ui.Option, ui.WhatItInvolves, ui.HowLongReliefLasts, ui.MainRisks], rows),
            new Subheading(ui.MoreAboutOptions),
            new TermList([.. aid.Alternatives.Select(a => new Term(
                UiText.Label(text.Alternatives[a.Id].Name.Value), [text.Alternatives[a.Id].Text.Value], Blocks: true,
                a.LinkedAid is { } linked ? new AidLink(linked, ui.SeeTheGuide) : null))]),
        ]);
    }

    private Section KnowledgeCheck() => new("knowledge-check", "check-h", ui.CheckWhatYouKnow,
    [
        new KnowledgeList([.. aid.KnowledgeCheck.Select(q =>
        {
            var words = text.KnowledgeCheck[q.Id];
            return new KnowledgeItem(words.Question.Value, [.. q.Choices.Select(c => words.Choices[c].Value)], words.Choices[q.Answer].Value, words.Explanation.Value);
        })], ui.ShowTheAnswer, ui.RightAnswer),
    ]);

    /// <summary>
    /// Items for everyone first, then one group per combination of targets and methods, in the order aid.yaml
    /// first uses it: a heat-only knee risk is headed "knee, with heat", and each item shows once.
    /// </summary>
    private IEnumerable<(string? Heading, IReadOnlyList<T> Items)> Groups<T>(IReadOnlyList<T> items, Func<T, IReadOnlyList<string>> targets, Func<T, IReadOnlyList<string>> methods)
    {
        var general = items.Where(i => targets(i).Count == 0 && methods(i).Count == 0).ToList();
        if (general.Count > 0) yield return (null, general);
        var specific = items.Where(i => targets(i).Count > 0 || methods(i).Count > 0);
        foreach (var group in specific.GroupBy(i => string.Join(",", targets(i)) + "|" + string.Join(",", methods(i))))
        {
            var first = group.First();
            var targetNames = string.Join(ui.Or, targets(first).Select(t => text.Targets[t].Name.Value));
            var methodNames = string.Join(ui.Or, methods(first).Select(m => text.Methods[m].Name.Value.ToLower(ui.Culture)));
            var heading = (targets(first).Count, methods(first).Count) switch
            {
                (> 0, > 0) => ui.Format(ui.OnlyWhenTreatingWith, targetNames, methodNames),
                (> 0, _) => ui.Format(ui.OnlyWhenTreating, targetNames),
                _ => ui.Format(ui.OnlyWithMethod, string.Join(ui.Or, methods(first).Select(m => text.Methods[m].Name.Value))),
            };
            yield return (heading, [.. group]);
        }
    }
}
