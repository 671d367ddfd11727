using DecisionAid.Core.Content;

namespace DecisionAid.Core.Personalising;

/// <summary>What a clinician chose for one patient: the nerve (target), the method and the patient's health factors.</summary>
public sealed record PacketChoices(string? Target, string? Method, IReadOnlyList<string> HealthFactors)
{
    public static PacketChoices None { get; } = new(null, null, []);

    /// <summary>Every reason these choices do not fit the aid, in words a clinician can act on; empty when they fit.</summary>
    public IReadOnlyList<string> Problems(Aid aid)
    {
        ArgumentNullException.ThrowIfNull(aid);
        var problems = new List<string>();
        var p = aid.Personalisation;
        Target? target = null;
        if (Target is not null && (target = p.Targets.FirstOrDefault(t => t.Id == Target)) is null)
            problems.Add($"'{Target}' is not a target of the {aid.Id} aid (targets: {Names(p.Targets)})");
        if (Method is not null && p.Methods.All(m => m.Id != Method))
            problems.Add($"'{Method}' is not a method of the {aid.Id} aid (methods: {Names(p.Methods)})");
        else if (Method is not null && target is { Methods.Count: > 0 } && !target.Methods.Contains(Method))
            problems.Add($"the method '{Method}' is not used for the target '{target.Id}' (it uses: {string.Join(", ", target.Methods)})");
        foreach (var factor in HealthFactors.Where(f => p.HealthFactors.All(h => h.Id != f)))
            problems.Add($"'{factor}' is not a health factor of the {aid.Id} aid (health factors: {Names(p.HealthFactors)})");
        if (HealthFactors.Distinct(StringComparer.Ordinal).Count() != HealthFactors.Count)
            problems.Add("a health factor is named twice");
        return problems;
    }

    private static string Names(IEnumerable<ItemRef> items) => string.Join(", ", items.Select(i => i.Id)) is { Length: > 0 } s ? s : "none";
}
