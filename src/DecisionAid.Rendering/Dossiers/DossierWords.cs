using DecisionAid.Core.Standards;

namespace DecisionAid.Rendering.Dossiers;

/// <summary>How the dossier says each verdict (in English: a dossier is read by certifiers and reviewers).</summary>
public static class DossierWords
{
    public static string Verdict(Verdict verdict) => verdict switch
    {
        Core.Standards.Verdict.Pass => "Passes",
        Core.Standards.Verdict.PassWithWarnings => "Passes, with warnings",
        Core.Standards.Verdict.Fail => "Fails",
        Core.Standards.Verdict.ForAPerson => "For a person to judge",
        _ => "Does not apply",
    };

    public static string Css(Verdict verdict) => verdict switch
    {
        Core.Standards.Verdict.Pass => "pass",
        Core.Standards.Verdict.PassWithWarnings => "warn",
        Core.Standards.Verdict.Fail => "fail",
        Core.Standards.Verdict.ForAPerson => "person",
        _ => "na",
    };

    /// <summary>The first lines of the dossier: what it is about and how it came out.</summary>
    public static string Tally(Dossier dossier) =>
        $"{dossier.Count(Core.Standards.Verdict.Pass) + dossier.Count(Core.Standards.Verdict.PassWithWarnings)} items pass " +
        $"({dossier.Count(Core.Standards.Verdict.PassWithWarnings)} with warnings), {dossier.Count(Core.Standards.Verdict.Fail)} fail, " +
        $"{dossier.Count(Core.Standards.Verdict.ForAPerson)} are for a person to judge, {dossier.Count(Core.Standards.Verdict.NotApplicable)} do not apply.";

    public const string NoPersonEvidence = "Not yet given. A person who judges this item writes what they found under standards_evidence in aid.yaml, with this item's id.";

    public static string Languages(Dossier dossier) =>
        string.Join(", ", dossier.Languages.Select(l => $"{Core.Content.Languages.EnglishName(l)} ({l})"));

    /// <summary>Every text the dossier shows (for the font subset it carries).</summary>
    public static IEnumerable<string> AllText(Dossier dossier) =>
        dossier.Entries.SelectMany(e => e.Found.Select(f => f.Text).Concat(e.Findings.Select(f => f.Message)).Append(e.PersonEvidence?.Text ?? ""));

    /// <summary>
    /// A place as "neurolysis/en.yaml:13:12": from the aid's own folder, so a dossier reads the same wherever the
    /// content was loaded from (a relative path on the command line, an absolute one on a server).
    /// </summary>
    public static string Where(Core.Content.SourceLocation? at, string aidId)
    {
        if (at is null) return "";
        var path = at.Path.Replace('\\', '/');
        var folder = path.LastIndexOf($"/{aidId}/", StringComparison.Ordinal);
        var shown = folder >= 0 ? path[(folder + 1)..] : path.StartsWith($"{aidId}/", StringComparison.Ordinal) ? path : Path.GetFileName(path);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{shown}:{at.Line}:{at.Column}");
    }
}
