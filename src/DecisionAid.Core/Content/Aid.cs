namespace DecisionAid.Core.Content;

/// <summary>
/// One decision aid as loaded: the language-neutral model from aid.yaml plus its words per language.
/// Immutable; <see cref="ContentHash"/> changes whenever any of its files changes.
/// </summary>
public sealed record Aid
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public required DateOnly Reviewed { get; init; }
    public required SourceLocation ReviewedLocation { get; init; }
    public required IReadOnlyList<Reviewer> Reviewers { get; init; }
    public required IReadOnlyList<Source> Sources { get; init; }
    public required IReadOnlyList<Step> Steps { get; init; }
    public required IReadOnlyList<Benefit> Benefits { get; init; }
    public required IReadOnlyList<Risk> Risks { get; init; }
    public required IReadOnlyList<Alternative> Alternatives { get; init; }
    public required IReadOnlyList<ItemRef> Questions { get; init; }
    public required IReadOnlyList<KnowledgeQuestion> KnowledgeCheck { get; init; }
    /// <summary>"What matters most to me": statements a patient rates (values clarification).</summary>
    public IReadOnlyList<ItemRef> Values { get; init; } = [];
    /// <summary>What to expect and do after the procedure, and when to call or get emergency help; each item cited.</summary>
    public IReadOnlyList<AftercareItem> Aftercare { get; init; } = [];
    public required Personalisation Personalisation { get; init; }
    /// <summary>SVG text of each picture, keyed by its path relative to the aid folder (e.g. "art/step-1.svg").</summary>
    public required IReadOnlyDictionary<string, string> Pictures { get; init; }
    public required IReadOnlyDictionary<string, AidText> Texts { get; init; }
    /// <summary>Who wrote the aid, who paid, when it was published and when it is reviewed next (the standards' disclosure items).</summary>
    public AidDeclarations Declarations { get; init; } = AidDeclarations.None;
    public required string ContentHash { get; init; }
    public required SourceLocation Location { get; init; }

    public IEnumerable<string> Languages => Texts.Keys.Order(StringComparer.Ordinal);

    public Source? FindSource(string key) => Sources.FirstOrDefault(s => s.Key == key);

    /// <summary>Risks everyone is told about: not tied to a target or a method.</summary>
    public IEnumerable<Risk> GeneralRisks => Risks.Where(r => r.Targets.Count == 0 && r.Methods.Count == 0);

    public IEnumerable<Benefit> GeneralBenefits => Benefits.Where(b => b.Targets.Count == 0 && b.Methods.Count == 0);
}

public sealed record Reviewer(string Name, string Role, SourceLocation Location);

/// <summary>
/// The aid's own declarations for the standards (IPDAS C3, C4, C6 and disclosure): each may be missing in a file,
/// and the checker says which standard item that fails. <see cref="Funding"/> and <see cref="ConflictsOfInterest"/>
/// are "none" (said to patients in their language by the site's words) or a declaration in English.
/// </summary>
public sealed record AidDeclarations(
    LocatedText? Published, LocatedText? NextReview, IReadOnlyList<LocatedText> ReviewSoonerWhen,
    IReadOnlyList<Reviewer> Authors, LocatedText? Funding, LocatedText? ConflictsOfInterest)
{
    public static AidDeclarations None { get; } = new(null, null, [], [], null, null);

    /// <summary>
    /// What people found for the items only a person can judge (field tests with patients, an expert panel), keyed by
    /// the item's id in the dossier ("IPDAS-QUAL-FIELD-TEST-PATIENTS"); the dossier shows an empty place for each one missing.
    /// </summary>
    public IReadOnlyDictionary<string, LocatedText> PersonEvidence { get; init; } = new Dictionary<string, LocatedText>();

    /// <summary>The reasons an aid may name for an earlier review (each has words in the site's languages).</summary>
    public static IReadOnlyList<string> KnownTriggers { get; } = ["new-evidence", "safety-notice", "guideline-change", "reader-report"];

    public const string NoneDeclared = "none";

    public DateOnly? PublishedDate => Date(Published);

    public DateOnly? NextReviewDate => Date(NextReview);

    private static DateOnly? Date(LocatedText? text) =>
        text is not null && DateOnly.TryParseExact(text.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>A cited source. <see cref="Year"/> is the publication year, or the year a dateless web page was read.</summary>
public sealed record Source(string Key, string Citation, Uri? Url, int Year, SourceLocation Location);

/// <summary>An element of aid.yaml that has words in every language, found by its id.</summary>
public record ItemRef(string Id, SourceLocation Location);

public sealed record Step(string Id, string Picture, SourceLocation Location) : ItemRef(Id, Location);

/// <summary>A benefit; with targets or methods it applies only to those.</summary>
public sealed record Benefit(
    string Id, Frequency? Frequency, IReadOnlyList<string> SourceKeys,
    IReadOnlyList<string> Targets, IReadOnlyList<string> Methods, SourceLocation Location) : ItemRef(Id, Location);

/// <summary>
/// A harm. A missing <see cref="Frequency"/> means no reliable number exists, and none is shown.
/// <see cref="HigherWhen"/> names target properties that make it more likely; health factors name it in their own rules.
/// </summary>
public sealed record Risk(
    string Id, Frequency? Frequency, IReadOnlyList<string> SourceKeys,
    IReadOnlyList<string> Targets, IReadOnlyList<string> Methods,
    IReadOnlyList<string> HigherWhen, bool Serious, SourceLocation Location) : ItemRef(Id, Location)
{
    public bool IsGeneral => Targets.Count == 0 && Methods.Count == 0;
}

public enum AlternativeKind
{
    Treatment,
    NoTreatment,
}

public sealed record Alternative(string Id, AlternativeKind Kind, string? LinkedAid, SourceLocation Location) : ItemRef(Id, Location)
{
    /// <summary>The sources of the numbers the option's words give; none when it gives none.</summary>
    public IReadOnlyList<string> SourceKeys { get; init; } = [];
}

/// <summary>How an aftercare item is meant: what to expect, what to do, when to call the clinic, when to call the emergency number.</summary>
public enum AftercareKind
{
    Expect,
    Do,
    Call,
    Emergency,
}

/// <summary>
/// One aftercare item; with targets or methods it applies only to those, as risks do. Its numbers (hours, days, a
/// fever threshold) live here, language-neutral, and each language's words name them as {name}.
/// </summary>
public sealed record AftercareItem(
    string Id, AftercareKind Kind, IReadOnlyList<string> SourceKeys, IReadOnlyList<string> Targets, IReadOnlyList<string> Methods,
    SourceLocation Location) : ItemRef(Id, Location)
{
    public IReadOnlyDictionary<string, decimal> Numbers { get; init; } = new Dictionary<string, decimal>();
}

public sealed record KnowledgeQuestion(string Id, IReadOnlyList<string> Choices, string Answer, SourceLocation Location) : ItemRef(Id, Location);

public sealed record Personalisation(
    IReadOnlyList<Target> Targets,
    IReadOnlyList<ItemRef> Methods,
    IReadOnlyList<ItemRef> Properties,
    IReadOnlyList<HealthFactor> HealthFactors)
{
    public static Personalisation Empty { get; } = new([], [], [], []);
}

/// <summary>A nerve or group of nerves the procedure can treat, with properties such as "close to the skin".</summary>
public sealed record Target(string Id, IReadOnlyList<string> Properties, IReadOnlyList<string> Methods, SourceLocation Location) : ItemRef(Id, Location);

/// <summary>A fact about the patient (e.g. takes blood thinners) that raises some risks.</summary>
public sealed record HealthFactor(string Id, IReadOnlyList<RiskRaise> Raises, SourceLocation Location) : ItemRef(Id, Location);

/// <summary>A health factor raises a risk; a number only where a source gives one.</summary>
public sealed record RiskRaise(string RiskId, Frequency? Frequency, IReadOnlyList<string> SourceKeys, SourceLocation Location);
