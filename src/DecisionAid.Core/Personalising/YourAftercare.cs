using DecisionAid.Core.Content;

namespace DecisionAid.Core.Personalising;

/// <summary>
/// The aftercare items for one patient: those for everyone, plus those of the chosen nerve and method, by the same
/// rule as "Your risks" (low blood pressure on standing only after a celiac plexus procedure). Without a packet
/// (the public page), every item, each marked with what it is for.
/// </summary>
public static class YourAftercare
{
    public static IReadOnlyList<AftercareItem> For(Aid aid, PacketChoices? choices)
    {
        ArgumentNullException.ThrowIfNull(aid);
        return choices is null ? aid.Aftercare : [.. aid.Aftercare.Where(i => YourRisks.Applies(i.Targets, i.Methods, choices))];
    }
}
