using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;
using DecisionAid.Rendering.Text;

namespace DecisionAid.Rendering.Document;

/// <summary>The sections that depend on one patient or practice: "Your risks" and the aftercare.</summary>
internal static class PersonalSections
{
    /// <summary>
    /// "Your risks": the packet's nerve and method, the aid's overview of its risks and its main risk, then each of
    /// the patient's risks tagged as on the aid page, and why it is higher.
    /// </summary>
    public static Section YourRisks(AidText text, UiText ui, YourRisks risks, IReadOnlyList<Block> intro)
    {
        var blocks = new List<Block>();
        var chosen = new List<(string, string)>();
        if (risks.Choices.Target is { } target) chosen.Add((UiText.Label(ui.Where), text.Targets[target].Name.Value));
        if (risks.Choices.Method is { } method) chosen.Add((UiText.Label(ui.Method), text.Methods[method].Name.Value));
        if (chosen.Count > 0)
        {
            blocks.Add(new Paragraph(ui.ChosenForYou));
            blocks.Add(new LabelledList(chosen, "chosen"));
        }
        blocks.AddRange(intro);
        blocks.Add(new ChanceList([.. risks.Risks.Select(personal =>
        {
            var words = text.Risks[personal.Risk.Id];
            var notes = personal.RaisedBy
                .Select(r => new Note(UiText.Label(text.HealthFactors[r.Factor.Id].Name.Value), text.HealthFactors[r.Factor.Id].Reasons[r.Rule.RiskId].Value))
                // The note says the property itself ("This is more likely when the nerve is close to the skin."): no label repeats it.
                .Concat(personal.HigherBecauseOf.Select(p => new Note("", words.HigherWhen[p].Value)))
                .ToList();
            IReadOnlyList<Tag> higher = personal.HigherForYou ? [new Tag(ui.HigherForYou, "tag higher")] : [];
            return ArticleSections.RiskItem(text, ui, personal.Risk, "y-", higher, notes);
        })], 3));
        return new Section("your-risks", "your-risks-h", ui.YourRisks, blocks, "your-risks");
    }

    /// <summary>
    /// What to expect, to do, when to call the clinic (its own numbers when known) and the emergency signs. A packet
    /// shows only its own items; the public page every item, each marked with what it is for. Null without aftercare.
    /// </summary>
    public static Section? Aftercare(Aid aid, AidText text, PacketChoices? choices, PracticeBrand? brand)
    {
        var items = YourAftercare.For(aid, choices);
        if (items.Count == 0) return null;
        var words = AftercareText.For(text.Language);
        var blocks = new List<Block> { new Paragraph(words.Intro) };
        foreach (var (kind, heading, css) in new[]
        {
            (AftercareKind.Expect, words.Expect, "expect"),
            (AftercareKind.Do, words.Do, "do"),
            (AftercareKind.Call, words.CallHeading(brand?.Phone, brand?.PhoneAfterHours), "call"),
            (AftercareKind.Emergency, words.Emergency, "emergency"),
        })
        {
            var group = items.Where(i => i.Kind == kind)
                .Select(i => new AftercareEntry(text.Aftercare[i.Id].Value, choices is null ? AftercareText.OnlyFor(i, text) : null))
                .ToList();
            if (group.Count == 0) continue;
            if (kind == AftercareKind.Do)
                group.Add(new AftercareEntry(words.Bathing(brand?.Bathing), string.IsNullOrWhiteSpace(brand?.Bathing) ? null : words.ClinicRule, IsClinicRule: true));
            blocks.Add(new Subheading(heading, css));
            blocks.Add(new AftercareList(css, group));
        }
        return new Section("aftercare", "aftercare-h", words.Title, blocks, "aftercare");
    }
}
