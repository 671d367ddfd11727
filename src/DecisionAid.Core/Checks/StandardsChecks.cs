using System.Globalization;
using DecisionAid.Core.Content;
using DecisionAid.Core.Personalising;

namespace DecisionAid.Core.Checks;

/// <summary>
/// The items of the published standards (IPDAS v4.0, the NQF 2016 criteria, Washington's WAC 182-60-025) that a machine
/// can judge from the content files and that <see cref="IpdasChecks"/> does not already hold; each message names its item.
/// </summary>
internal static partial class StandardsChecks
{
    /// <summary>An option whose benefit words outnumber its harm words (or the other way) by more than this is uneven (IPDAS C1).</summary>
    public const double DetailRatioLimit = 3.0;

    public static IEnumerable<Finding> Check(Aid aid, CheckOptions options)
    {
        var d = aid.Declarations;
        if (d.PublishedDate is not { } published)
            yield return Error(FindingCodes.NoPublicationDate, aid.Location, "IPDAS C3: give the date the aid was first published (published: YYYY-MM-DD in aid.yaml)");
        else if (published > aid.Reviewed)
            yield return Error(FindingCodes.NoPublicationDate, d.Published!.Location, $"IPDAS C3: the aid is said to be published on {Iso(published)}, after its review on {Iso(aid.Reviewed)}");

        if (d.NextReviewDate is not { } next)
            yield return Error(FindingCodes.NoUpdatePolicy, aid.Location, "IPDAS C4: say when the aid is reviewed next (next_review: YYYY-MM-DD in aid.yaml)");
        else if (next <= aid.Reviewed || next > aid.Reviewed.AddYears(options.ReviewYears))
            yield return Error(FindingCodes.NoUpdatePolicy, d.NextReview!.Location,
                $"IPDAS C4: the next review ({Iso(next)}) must fall after the last one ({Iso(aid.Reviewed)}) and within {options.ReviewYears} years of it");
        if (d.ReviewSoonerWhen.Count == 0)
            yield return Error(FindingCodes.NoUpdatePolicy, aid.Location,
                $"IPDAS C4: say what brings the review forward (review_sooner_when: any of {string.Join(", ", AidDeclarations.KnownTriggers)})");

        if (string.IsNullOrWhiteSpace(d.Funding?.Value))
            yield return Error(FindingCodes.FundingNotDeclared, aid.Location, "IPDAS C6: declare who paid for the aid (funding: none, or who and how, in aid.yaml)");
        if (string.IsNullOrWhiteSpace(d.ConflictsOfInterest?.Value))
            yield return Error(FindingCodes.ConflictsNotDeclared, aid.Location,
                "IPDAS quality (disclosure): declare the authors' and reviewers' conflicts of interest (conflicts_of_interest: none, or what they are, in aid.yaml)");
        if (d.Authors.Count == 0)
            yield return Error(FindingCodes.AuthorsNotNamed, aid.Location, "IPDAS quality (disclosure): name who wrote the aid and their role (authors: name and role in aid.yaml)");

        foreach (var text in aid.Texts.Values)
            foreach (var f in CheckText(aid, text)) yield return f;
        foreach (var f in SeriousHarms(aid)) yield return f;
    }

    private static IEnumerable<Finding> CheckText(Aid aid, AidText text)
    {
        var language = Languages.EnglishName(text.Language);
        if (string.IsNullOrWhiteSpace(text.Condition?.Value))
            yield return Error(FindingCodes.ConditionNotStated, text.Location, $"IPDAS Q1: the {language} text must say what health problem the decision is about (condition:)");
        if (string.IsNullOrWhiteSpace(text.Decision?.Value))
            yield return Error(FindingCodes.DecisionNotStated, text.Location, $"IPDAS Q2: the {language} text must state the decision to be made (decision:)");
        else if (!TitleParts(text.Title.Value).Any(part => text.Decision.Value.Contains(part, StringComparison.CurrentCultureIgnoreCase)))
            yield return Error(FindingCodes.DecisionNotStated, text.Decision.Location,
                $"IPDAS Q2: the {language} decision must name the procedure it is about ('{string.Join("' or '", TitleParts(text.Title.Value))}')");

        foreach (var (name, option) in Options(text))
        {
            var benefit = Words(option.Relief.Value);
            var harm = Words(option.Risks.Value);
            var ratio = (double)Math.Max(benefit, harm) / Math.Max(1, Math.Min(benefit, harm));
            if (ratio > DetailRatioLimit)
                yield return new Finding(FindingCodes.OptionDetailUneven, Severity.Warning, option.Risks.Location, string.Create(CultureInfo.InvariantCulture,
                    $"IPDAS C1: the {language} option '{name}' tells its benefits in {benefit} words and its harms in {harm}; give both in like detail (within {DetailRatioLimit:0} times)"));
        }

        if (StandardsWords.For(text.Language) is not { } words) yield break;
        foreach (var f in ChanceContext(aid, text, words, language)) yield return f;
        var numbered = NumberedRiskNames(aid, text);
        foreach (var (path, located) in text.ByPath())
        {
            // A numbered item shows its chance beside its words (in its picture), so only the other texts are judged here.
            if (IsNumberedItem(aid, path)) continue;
            var value = located.Value;
            var hasChance = Languages.Get(text.Language).ChancePattern.IsMatch(value);
            // Where no study gave the numbers of people, a relative figure is all there is: the text must then say so.
            if (words.Relative.Match(value) is { Success: true } relative && !hasChance && !words.Unknown.IsMatch(value))
                yield return Error(FindingCodes.RelativeOnly, located.Location,
                    $"IPDAS quality (probabilities) and NQF: '{relative.Value}' gives a chance only as a relative figure; give the chances out of the same number of people too, or say that they are not known");
            // A risk's own words may say "rarely" of itself when it has no number (the page then says no reliable number is
            // known), and a value the patient weighs ("avoiding a rare but serious harm") is not a chance shown to them.
            // A text that gives a number anywhere has said it; otherwise the sentence with the word must name the risk.
            if (path.StartsWith("risks.items.", StringComparison.Ordinal) || path.StartsWith("values.", StringComparison.Ordinal) || value.Any(char.IsDigit)) continue;
            foreach (var sentence in Sentences().Split(value))
                if (words.Vague.Match(sentence) is { Success: true } vague
                    && numbered.FirstOrDefault(n => sentence.Contains(n.Name, StringComparison.CurrentCultureIgnoreCase)) is { Name: not null } risk)
                    yield return Error(FindingCodes.VagueChance, located.Location,
                        $"IPDAS quality (probabilities) and NQF: '{vague.Value}' says the chance of '{risk.Name}' in a word, but the aid has its number ({risk.Chance}); say the number");
        }
    }

    /// <summary>
    /// IPDAS's probability items: a chance names the people it counts ("About {chance} people"), and a benefit's chance
    /// says over what time it was measured ("in the first two weeks"). A risk's time is the procedure and its days after.
    /// </summary>
    private static IEnumerable<Finding> ChanceContext(Aid aid, AidText text, StandardsWords words, string language)
    {
        foreach (var risk in aid.Risks.Where(r => r.Frequency is not null))
            if (text.Risks.TryGetValue(risk.Id, out var said) && !words.Group.IsMatch(said.Text.Value + "\n" + said.Unit?.Value))
                yield return Error(FindingCodes.ChanceGroupUnnamed, said.Text.Location,
                    $"IPDAS quality (probabilities): the {language} words of risk '{risk.Id}' give its chance without saying who it counts (e.g. '{{chance}} people')");
        foreach (var benefit in aid.Benefits.Where(b => b.Frequency is not null))
        {
            if (!text.Benefits.TryGetValue(benefit.Id, out var said)) continue;
            if (!words.Group.IsMatch(said.Value))
                yield return Error(FindingCodes.ChanceGroupUnnamed, said.Location,
                    $"IPDAS quality (probabilities): the {language} words of benefit '{benefit.Id}' give its chance without saying who it counts (e.g. '{{chance}} people')");
            if (!words.TimeFrame.IsMatch(said.Value))
                yield return Error(FindingCodes.ChanceTimeFrameMissing, said.Location,
                    $"IPDAS quality (probabilities): the {language} words of benefit '{benefit.Id}' give its chance without the time it was measured over (e.g. 'after 3 months')");
        }
    }

    /// <summary>
    /// The Montgomery standard: a serious harm is told whatever its frequency. A harm whose words say it is serious must
    /// be marked serious (so it is set apart), and a serious harm must reach every patient it can apply to.
    /// </summary>
    private static IEnumerable<Finding> SeriousHarms(Aid aid)
    {
        foreach (var risk in aid.Risks.Where(r => !r.Serious))
            foreach (var text in aid.Texts.Values)
            {
                if (StandardsWords.For(text.Language) is not { } words || !text.Risks.TryGetValue(risk.Id, out var said)) continue;
                if (words.Serious.Match(said.Name.Value + "\n" + said.Text.Value) is { Success: true } m)
                {
                    yield return Error(FindingCodes.SeriousHarmNotMarked, risk.Location,
                        $"Montgomery standard: the {Languages.EnglishName(text.Language)} words of risk '{risk.Id}' say '{m.Value}'; mark it serious: true so every patient it applies to is told it plainly");
                    break;
                }
            }
        foreach (var risk in aid.Risks.Where(r => r.Serious && !r.IsGeneral))
            if (!PossibleChoices(aid).Any(c => YourRisks.Applies(risk.Targets, risk.Methods, c)))
                yield return Error(FindingCodes.SeriousHarmUnreachable, risk.Location,
                    $"Montgomery standard: serious risk '{risk.Id}' applies to no nerve and method a packet can choose together, so no patient's own risks would show it");
    }

    /// <summary>Every target and method a clinician can choose together (and each alone, and neither).</summary>
    private static IEnumerable<PacketChoices> PossibleChoices(Aid aid)
    {
        var p = aid.Personalisation;
        yield return PacketChoices.None;
        foreach (var method in p.Methods) yield return new PacketChoices(null, method.Id, []);
        foreach (var target in p.Targets)
        {
            yield return new PacketChoices(target.Id, null, []);
            foreach (var method in p.Methods.Where(m => target.Methods.Count == 0 || target.Methods.Contains(m.Id)))
                yield return new PacketChoices(target.Id, method.Id, []);
        }
    }

    private static IEnumerable<(string Name, ComparisonText Option)> Options(AidText text) =>
        [(text.Title.Value, text.Procedure), .. text.Alternatives.Values.Select(a => (a.Name.Value, a.Comparison))];

    private static List<(string Name, string Chance)> NumberedRiskNames(Aid aid, AidText text) =>
        [.. aid.Risks.Where(r => r.Frequency is not null && text.Risks.ContainsKey(r.Id))
            .Select(r => (text.Risks[r.Id].Name.Value, Languages.Get(text.Language).Chance(r.Frequency!)))];

    private static bool IsNumberedItem(Aid aid, string path)
    {
        var parts = path.Split('.');
        return parts switch
        {
            ["risks", "items", var id, ..] => aid.Risks.Any(r => r.Id == id && r.Frequency is not null),
            ["benefits", "items", var id] => aid.Benefits.Any(b => b.Id == id && b.Frequency is not null),
            ["health_factors", var id, "reasons", var risk] => aid.Personalisation.HealthFactors.Any(h => h.Id == id && h.Raises.Any(r => r.RiskId == risk && r.Frequency is not null)),
            _ => false,
        };
    }

    /// <summary>
    /// The names a decision may use for the procedure: the whole title, a part of it in brackets or joined by "and"
    /// ("Cement for a broken spine bone (vertebroplasty and kyphoplasty)" is named by "vertebroplasty"), or one of its
    /// words of 5 letters or more ("embolization", "nerve"): a grade-6 sentence cannot always hold a three-word medical name.
    /// </summary>
    public static IReadOnlyList<string> TitleParts(string title) =>
        [.. new[] { title }
            .Concat(TitleSplit().Split(title).Select(p => p.Trim()).Where(p => p.Length >= 2))
            .Concat(title.Split(' ', '(', ')', ',').Where(w => w.Length >= 5 && w.All(char.IsLetter)))
            .Distinct(StringComparer.CurrentCultureIgnoreCase)];

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.?!。？！])\s*")]
    private static partial System.Text.RegularExpressions.Regex Sentences();

    [System.Text.RegularExpressions.GeneratedRegex(@"[()（）]|\band\b|\by\b|和|、")]
    private static partial System.Text.RegularExpressions.Regex TitleSplit();

    /// <summary>Words, or for Chinese (no spaces) characters, as the readability counts do.</summary>
    public static int Words(string text)
    {
        var cjk = text.Count(c => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF');
        return cjk > 0 ? cjk : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
    }

    private static Finding Error(string code, SourceLocation location, string message) => new(code, Severity.Error, location, message);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
