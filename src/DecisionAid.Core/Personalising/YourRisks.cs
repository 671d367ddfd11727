using DecisionAid.Core.Content;

namespace DecisionAid.Core.Personalising;

/// <summary>One risk as it applies to one patient, with why it is there and why it may be higher for them.</summary>
/// <param name="ForTarget">Shown only because of the chosen nerve.</param>
/// <param name="ForMethod">Shown only because of the chosen method.</param>
/// <param name="RaisedBy">The patient's health factors that make it more likely, each with its cited rule.</param>
/// <param name="HigherBecauseOf">Properties of the chosen nerve (e.g. close to the skin) that make it more likely.</param>
public sealed record PersonalRisk(
    Risk Risk, bool ForTarget, bool ForMethod,
    IReadOnlyList<(HealthFactor Factor, RiskRaise Rule)> RaisedBy,
    IReadOnlyList<string> HigherBecauseOf)
{
    public bool HigherForYou => RaisedBy.Count > 0 || HigherBecauseOf.Count > 0;
}

/// <summary>
/// "Your risks": the aid's risks for one patient, computed from the content alone. Risks for everyone, plus the
/// risks of the chosen nerve and method; a risk is "higher for you" when a health factor the patient has names
/// it, or the chosen nerve has a property it lists under higher_when. Numbers appear only where the content cites one.
/// </summary>
public sealed record YourRisks(PacketChoices Choices, IReadOnlyList<PersonalRisk> Risks, IReadOnlyList<Benefit> Benefits)
{
    public static YourRisks For(Aid aid, PacketChoices choices)
    {
        ArgumentNullException.ThrowIfNull(aid);
        ArgumentNullException.ThrowIfNull(choices);
        var problems = choices.Problems(aid);
        if (problems.Count > 0) throw new ArgumentException(string.Join("; ", problems), nameof(choices));

        var target = aid.Personalisation.Targets.FirstOrDefault(t => t.Id == choices.Target);
        var factors = aid.Personalisation.HealthFactors.Where(f => choices.HealthFactors.Contains(f.Id)).ToList();
        var risks = new List<PersonalRisk>();
        foreach (var risk in aid.Risks.Where(r => Applies(r.Targets, r.Methods, choices)))
        {
            var raisedBy = factors.SelectMany(f => f.Raises.Where(r => r.RiskId == risk.Id).Select(r => (f, r))).ToList();
            var because = target is null ? [] : risk.HigherWhen.Where(target.Properties.Contains).ToList();
            risks.Add(new PersonalRisk(risk, risk.Targets.Count > 0, risk.Methods.Count > 0, raisedBy, because));
        }
        var benefits = aid.Benefits.Where(b => Applies(b.Targets, b.Methods, choices)).ToList();
        return new YourRisks(choices, risks, benefits);
    }

    /// <summary>
    /// An item for everyone always applies; one tied to targets or methods applies only when the packet names one
    /// of them (an item tied to both needs both). With nothing chosen, only the items for everyone apply.
    /// </summary>
    public static bool Applies(IReadOnlyList<string> targets, IReadOnlyList<string> methods, PacketChoices choices) =>
        (targets.Count == 0 || (choices.Target is not null && targets.Contains(choices.Target)))
        && (methods.Count == 0 || (choices.Method is not null && methods.Contains(choices.Method)));
}
