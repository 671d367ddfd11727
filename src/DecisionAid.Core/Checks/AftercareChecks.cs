using DecisionAid.Core.Content;

namespace DecisionAid.Core.Checks;

/// <summary>
/// Aftercare is held to the aid's own rules: every item cited, and an emergency item whenever there is aftercare.
/// Its words pass the same reading-grade, medical-term and parity checks as the rest (they are in the reading order),
/// and an item missing in a language is a load error like any other text.
/// </summary>
internal static class AftercareChecks
{
    public static IEnumerable<Finding> Check(Aid aid)
    {
        foreach (var item in aid.Aftercare.Where(i => i.SourceKeys.Count == 0))
            yield return new Finding(FindingCodes.AftercareUncited, Severity.Error, item.Location, $"aftercare item '{item.Id}' cites no source");
        if (aid.Aftercare.Count > 0 && aid.Aftercare.All(i => i.Kind != AftercareKind.Emergency))
            yield return new Finding(FindingCodes.AftercareNoEmergency, Severity.Error, aid.Aftercare[0].Location,
                "the aftercare has no emergency item: say when to call the emergency number");
    }
}
