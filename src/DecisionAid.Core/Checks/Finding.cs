using DecisionAid.Core.Content;

namespace DecisionAid.Core.Checks;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>One problem found in the content: a stable code, how bad it is, where, and what to do.</summary>
public sealed record Finding(string Code, Severity Severity, SourceLocation Location, string Message)
{
    public override string ToString() =>
        $"{Location}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}

/// <summary>The stable finding codes, so tests, CI and people can refer to a kind of problem.</summary>
public static class FindingCodes
{
    public const string YamlSyntax = "LOAD001";
    public const string UnknownField = "LOAD002";
    public const string MissingField = "LOAD003";
    public const string WrongType = "LOAD004";
    public const string BadFrequency = "LOAD005";
    public const string DuplicateId = "LOAD006";
    public const string UnknownSource = "LOAD007";
    public const string MissingPicture = "LOAD008";
    public const string UnknownLinkedAid = "LOAD009";
    public const string TextIdNotInAid = "LOAD010";
    public const string TextMissing = "LOAD011";
    public const string UnknownReference = "LOAD012";
    public const string MissingFile = "LOAD013";
    public const string BadPicture = "LOAD014";
    public const string UnknownPlaceholder = "LOAD015";

    public const string NoTreatmentOptionMissing = "IPDAS001";
    public const string NoBenefits = "IPDAS002";
    public const string NoHarms = "IPDAS003";
    public const string MixedDenominators = "IPDAS004";
    public const string SourceUndated = "IPDAS005";
    public const string ReviewOverdue = "IPDAS006";
    public const string NoReviewers = "IPDAS007";
    public const string Uncited = "IPDAS008";
    public const string SourceUnused = "IPDAS009";
    public const string TooFewOptions = "IPDAS010";
    public const string ReviewDateInFuture = "IPDAS011";
    // The standards' items (StandardsChecks); each message names the item of IPDAS, NQF or Montgomery it holds.
    public const string ConditionNotStated = "IPDAS012";
    public const string DecisionNotStated = "IPDAS013";
    public const string OptionDetailUneven = "IPDAS014";
    public const string NoPublicationDate = "IPDAS015";
    public const string NoUpdatePolicy = "IPDAS016";
    public const string FundingNotDeclared = "IPDAS017";
    public const string ConflictsNotDeclared = "IPDAS018";
    public const string AuthorsNotNamed = "IPDAS019";
    public const string RelativeOnly = "IPDAS020";
    public const string VagueChance = "IPDAS021";
    public const string SeriousHarmNotMarked = "IPDAS022";
    public const string SeriousHarmUnreachable = "IPDAS023";
    public const string ChanceGroupUnnamed = "IPDAS024";
    public const string ChanceTimeFrameMissing = "IPDAS025";
    /// <summary>An aftercare item cites no source: a patient acts on it after they go home.</summary>
    public const string AftercareUncited = "CARE001";
    /// <summary>Aftercare without an emergency item: every aftercare part says when to call the emergency number.</summary>
    public const string AftercareNoEmergency = "CARE002";
    /// <summary>An aftercare number of aid.yaml that a language's words never name.</summary>
    public const string AftercareNumberUnused = "CARE003";
    /// <summary>Aftercare words that type a number themselves instead of naming one of aid.yaml.</summary>
    public const string AftercareNumberTyped = "CARE004";

    public const string NumberMismatch = "PARITY001";
    public const string TranslationOutdated = "PARITY002";

    public const string SentenceTooHard = "READ001";
    public const string AidGradeAboveGoal = "READ002";
    public const string AidSmogAboveGoal = "READ003";
    public const string NoReadabilityFormula = "READ004";
    public const string MedicalTermUnexplained = "TERM001";
}
