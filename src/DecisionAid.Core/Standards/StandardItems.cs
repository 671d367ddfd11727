using DecisionAid.Core.Checks;
using E = DecisionAid.Core.Standards.StandardEvidence;

namespace DecisionAid.Core.Standards;

/// <summary>
/// Every item of the standards the dossier reports, in our own words: IPDAS v4.0 minimum standards (Joseph-Williams N
/// et al., Med Decis Making 2014;34(6):699-710), the IPDAS quality items, the NQF 2016 national standards for certifying
/// patient decision aids, and Washington State's WAC 182-60-025. Sources and what each item is: docs/standards.md.
/// </summary>
public static class StandardItems
{
    private const string Qualifying = "IPDAS v4.0, qualifying";
    private const string Certification = "IPDAS v4.0, certification";
    private const string CertificationTests = "IPDAS v4.0, certification (screening and diagnostic tests only)";
    // The quality items' own wording was not read here: each is our paraphrase of an IPDAS quality dimension (docs/standards.md).
    private const string Quality = "IPDAS quality (paraphrase)";
    private const string Montgomery = "UK law: Montgomery v Lanarkshire Health Board [2015] UKSC 11 (paraphrase)";
    // Only NQF's own summary of its criteria was read (seven screening criteria, then certifying criteria): items at that level.
    private const string Nqf = "NQF 2016 national standards (paraphrase of NQF's summary)";
    private const string Washington = "Washington State, chapter 182-60 WAC";

    private static readonly StandardItem[] Ipdas =
    [
        new("IPDAS-Q1", Qualifying, "Describes the health condition or problem the decision is about.", JudgedBy.Machine,
            [FindingCodes.ConditionNotStated], "every language states the condition (condition:)") { Evidence = E.Condition },
        new("IPDAS-Q2", Qualifying, "States the decision to be made.", JudgedBy.Machine,
            [FindingCodes.DecisionNotStated], "every language states the decision (decision:), naming the procedure") { Evidence = E.Decision },
        new("IPDAS-Q3", Qualifying, "Describes the options for that decision.", JudgedBy.Machine,
            [FindingCodes.NoTreatmentOptionMissing, FindingCodes.TooFewOptions], "the procedure, at least one other treatment, and no treatment are options, with words in every language") { Evidence = E.Options },
        new("IPDAS-Q4", Qualifying, "Describes the benefits (positive features) of each option.", JudgedBy.Machine,
            [FindingCodes.NoBenefits], "the procedure lists its benefits, and every option says how it may help (relief:) in every language") { Evidence = E.Benefits },
        new("IPDAS-Q5", Qualifying, "Describes the harms (negative features) of each option.", JudgedBy.Machine,
            [FindingCodes.NoHarms], "the procedure lists its risks, and every option says what can go wrong (risks:) in every language") { Evidence = E.Harms },
        new("IPDAS-Q6", Qualifying, "Describes what it is like to live through the consequences of the options (physical, emotional, social).", JudgedBy.Person,
            [], "whether the words convey what it is like needs a reader; the machine lists the steps and the aftercare") { Evidence = E.Experience },

        new("IPDAS-C1", Certification, "Shows the benefits and harms of options in equal detail (same fonts, order and way of showing numbers).", JudgedBy.Machine,
            [FindingCodes.OptionDetailUneven, FindingCodes.MixedDenominators],
            $"each option's benefit and harm words are within {StandardsChecks.DetailRatioLimit:0} times of each other (a warning), and chances share one denominator; one renderer shows them in the same table and fonts") { Evidence = E.Detail },
        new("IPDAS-C2", Certification, "Gives citations to the evidence used.", JudgedBy.Machine,
            [FindingCodes.Uncited, FindingCodes.SourceUndated, FindingCodes.UnknownSource], "every benefit, risk, health-factor rule and aftercare item cites a listed source, and every source has a year") { Evidence = E.Citations },
        new("IPDAS-C3", Certification, "Gives the date it was produced or published.", JudgedBy.Machine,
            [FindingCodes.NoPublicationDate], "published: and reviewed: are dates, the first not after the second") { Evidence = E.Published },
        new("IPDAS-C4", Certification, "Says how and when it is updated.", JudgedBy.Machine,
            [FindingCodes.NoUpdatePolicy, FindingCodes.ReviewOverdue, FindingCodes.ReviewDateInFuture], "next_review: falls within 3 years of the last review, and review_sooner_when: names what brings it forward") { Evidence = E.UpdatePolicy },
        new("IPDAS-C5", Certification, "Says how certain the chances of outcomes are (a range, or words such as 'our best estimate').", JudgedBy.Person,
            [], "whether the words convey the uncertainty needs a reader; the machine counts ranges and the risks shown with no number") { Evidence = E.Uncertainty },
        new("IPDAS-C6", Certification, "Says who paid for its development.", JudgedBy.Machine,
            [FindingCodes.FundingNotDeclared], "funding: is declared in aid.yaml and shown under the sources") { Evidence = E.Funding },
        new("IPDAS-C7", CertificationTests, "For a test: describes what the test is designed to measure.", JudgedBy.NotApplicable, [], "these aids are about treatments, not tests"),
        new("IPDAS-C8", CertificationTests, "For a test: describes the next steps after a positive and after a negative result.", JudgedBy.NotApplicable, [], "these aids are about treatments, not tests"),
        new("IPDAS-C9", CertificationTests, "For a test: gives the chances of true and false positive and negative results.", JudgedBy.NotApplicable, [], "these aids are about treatments, not tests"),
        new("IPDAS-C10", CertificationTests, "For screening: gives the chances of finding disease with and without screening, including disease that would never have caused harm.", JudgedBy.NotApplicable, [], "these aids are about treatments, not tests"),
            new("IPDAS-QUAL-NO-ACTION", Quality, "Describes what is likely to happen if no new treatment is chosen.", JudgedBy.Machine,
            [FindingCodes.NoTreatmentOptionMissing], "no treatment (or watching) is an option with its own words, relief and risks in every language") { Evidence = E.NoTreatment },
        new("IPDAS-QUAL-GROUP", Quality, "Says which group of people each chance applies to.", JudgedBy.Machine,
            [FindingCodes.ChanceGroupUnnamed], "every numbered chance's words name who it counts ('{chance} people', 'of them'); a chance only for some nerves or methods is shown under their names") { Evidence = E.ChanceWords },
        new("IPDAS-QUAL-TIME", Quality, "Says over what time each chance of a benefit applies.", JudgedBy.Machine,
            [FindingCodes.ChanceTimeFrameMissing], "every numbered benefit's words say when it was measured ('in the first two weeks'); a risk's time is the procedure and the days after it") { Evidence = E.ChanceWords },
        new("IPDAS-QUAL-DENOMINATOR", Quality, "Compares chances over the same number of people.", JudgedBy.Machine,
            [FindingCodes.MixedDenominators], "the risks share one denominator, and so do the benefits") { Evidence = E.Denominators },
        new("IPDAS-QUAL-EVENT-RATES", Quality, "Gives chances as numbers of people (event rates), not only as relative figures or words.", JudgedBy.Machine,
            [FindingCodes.RelativeOnly, FindingCodes.VagueChance], "no text gives a chance only as a relative figure, or only as a word where the aid has its number") { Evidence = E.ChanceWords },
        new("IPDAS-QUAL-FORMATS", Quality, "Shows chances in more than one way (words, numbers and pictures).", JudgedBy.Machine,
            [], "the renderer shows every numbered chance in words, as a number and as an icon array, on screen and on paper") { Evidence = E.Formats, Holds = HasNumberedChance },
        new("IPDAS-QUAL-VALUES", Quality, "Helps patients think about which benefits and harms matter most to them.", JudgedBy.Machine,
            [], "the aid has statements the patient rates for how much they matter") { Evidence = E.Values, Holds = aid => aid.Values.Count > 0 },
        new("IPDAS-QUAL-GUIDANCE", Quality, "Guides the steps of deciding and gives questions to ask the care team.", JudgedBy.Machine,
            [], "the aid has questions to ask; the site adds the patient's own questions and a decision step") { Evidence = E.Guidance, Holds = aid => aid.Questions.Count > 0 },
        new("IPDAS-QUAL-KNOWLEDGE", Quality, "Lets patients check what they understood.", JudgedBy.Machine,
            [], "the aid has knowledge questions, each with its explanation") { Evidence = E.Knowledge, Holds = aid => aid.KnowledgeCheck.Count > 0 },
        new("IPDAS-QUAL-CONFLICTS", Quality, "Declares the authors' and reviewers' conflicts of interest.", JudgedBy.Machine,
            [FindingCodes.ConflictsNotDeclared], "conflicts_of_interest: is declared in aid.yaml and shown under the sources") { Evidence = E.Conflicts },
        new("IPDAS-QUAL-AUTHORS", Quality, "Names who wrote and who reviewed it, and their roles.", JudgedBy.Machine,
            [FindingCodes.AuthorsNotNamed, FindingCodes.NoReviewers], "authors: and reviewers: in aid.yaml each give a name and a role") { Evidence = E.People },
        new("IPDAS-QUAL-PLAIN", Quality, "Is written in plain language, with its reading level reported.", JudgedBy.Machine,
            [FindingCodes.AidGradeAboveGoal, FindingCodes.AidSmogAboveGoal, FindingCodes.SentenceTooHard, FindingCodes.NoReadabilityFormula, FindingCodes.MedicalTermUnexplained],
            "each language's reading level meets its goal (the reading table), each sentence is within its limit, and medical words are explained where first read") { Evidence = E.Reading },
        new("IPDAS-QUAL-NEEDS", Quality, "Was developed from an assessment of what patients and clinicians need.", JudgedBy.Person,
            [], "a record of who was asked and what they said; nothing in the content shows it"),
        new("IPDAS-QUAL-FIELD-TEST-PATIENTS", Quality, "Was field-tested with patients facing the decision.", JudgedBy.Person,
            [], "a record of the field test; the site's knowledge-check and satisfaction figures per version can support it"),
        new("IPDAS-QUAL-FIELD-TEST-CLINICIANS", Quality, "Was field-tested with clinicians who counsel patients on the decision.", JudgedBy.Person,
            [], "a record of the field test"),
        new("IPDAS-QUAL-EVALUATION", Quality, "Has evidence that it improves knowledge and helps choices match what matters to patients.", JudgedBy.Person,
            [], "a study of its effect; the site's outcomes page gives knowledge, decisional conflict and satisfaction per aid version") { Evidence = E.Knowledge },
    ];

    /// <summary>Every item, in the dossier's order: IPDAS, then the law and the other standards built on it.</summary>
    public static IReadOnlyList<StandardItem> All { get; } =
    [
        .. Ipdas,
        new("MONTGOMERY-SERIOUS-HARMS", Montgomery, "Tells the patient of every material risk, however rare, and every reasonable alternative.", JudgedBy.Machine,
            [FindingCodes.SeriousHarmNotMarked, FindingCodes.SeriousHarmUnreachable, FindingCodes.NoTreatmentOptionMissing],
            "a risk whose words say it is serious is marked serious, and every serious risk reaches every patient it can apply to (their own risks), whatever its chance") { Evidence = E.Serious },

        new("NQF-SCREEN-OPTIONS", Nqf, "Screening: sets out the options, including no treatment.", JudgedBy.Machine,
            [FindingCodes.NoTreatmentOptionMissing, FindingCodes.TooFewOptions], "as IPDAS Q3") { Evidence = E.Options },
        new("NQF-SCREEN-PROS-CONS", Nqf, "Screening: describes the pros and cons of each option.", JudgedBy.Machine,
            [FindingCodes.NoBenefits, FindingCodes.NoHarms], "as IPDAS Q4 and Q5") { Evidence = E.Harms },
        new("NQF-BALANCE", Nqf, "Certifying: presents the options in a balanced way, based on evidence.", JudgedBy.Machine,
            [FindingCodes.OptionDetailUneven, FindingCodes.MixedDenominators, FindingCodes.Uncited, FindingCodes.SourceUndated],
            "as IPDAS C1 and C2: like detail for every option, one denominator, every number cited with its year") { Evidence = E.Detail },
        new("NQF-OUTCOMES", Nqf, "Certifying: describes the chances of the outcomes.", JudgedBy.Machine,
            [FindingCodes.RelativeOnly, FindingCodes.VagueChance, FindingCodes.ChanceGroupUnnamed], "as the IPDAS quality items on event rates and groups") { Evidence = E.ChanceWords },
        new("NQF-OTHER", Nqf, "The remaining screening and certifying criteria, whose own wording was not read here.", JudgedBy.Person,
            [], "a reviewer compares the report's full list with this dossier"),

        new("WA-182-60-025-1", Washington, "WAC 182-60-025(1): certification criteria are based on IPDAS's.", JudgedBy.Machine,
            [.. Ipdas.Where(i => i.JudgedBy == JudgedBy.Machine).SelectMany(i => i.Codes).Distinct()],
            "every IPDAS item a machine judges passes (the rows above)") { Holds = aid => Ipdas.All(i => i.Holds?.Invoke(aid) != false) },
        new("WA-182-60-025-5", Washington, "WAC 182-60-025(5): minimum scores may be set for content, development process and effectiveness.", JudgedBy.Person,
            [], "content is judged above; development process and effectiveness are the person items (needs, field tests, evaluation)"),
        new("WA-182-60-040-2", Washington, "WAC 182-60-040(2): a certification lasts five years.", JudgedBy.Machine,
            [FindingCodes.NoUpdatePolicy, FindingCodes.ReviewOverdue], "the aid is reviewed at least every 3 years, within the five") { Evidence = E.UpdatePolicy },
        new("WA-182-60-040-4A", Washington, "WAC 182-60-040(4)(a): the developer reports information that may materially change the aid.", JudgedBy.Machine,
            [FindingCodes.NoUpdatePolicy, FindingCodes.TranslationOutdated],
            "review_sooner_when: names new evidence and safety notices; every change is a new version with its own content hash, and each language says which version it was revised for") { Evidence = E.UpdatePolicy },
    ];

    public static StandardItem? Find(string id) => All.FirstOrDefault(i => i.Id == id);

    private static bool HasNumberedChance(Content.Aid aid) => aid.Risks.Any(r => r.Frequency is not null) || aid.Benefits.Any(b => b.Frequency is not null);
}
