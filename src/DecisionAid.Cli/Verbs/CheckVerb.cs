using System.CommandLine;
using System.Globalization;
using DecisionAid.Core.Checks;
using DecisionAid.Core.Content;
using DecisionAid.Core.Loading;
using DecisionAid.Core.Readability;
using DecisionAid.Rendering.Text;

namespace DecisionAid.Cli.Verbs;

/// <summary>`pda check [PATH]`: every finding as file:line:col, then a summary table; exit 1 when any error.</summary>
internal static class CheckVerb
{
    private static readonly string[] Header = ["aid", "lang", "version", "FK grade", "SMOG", "reading ease", "scale", "sentences", "words", "errors", "warnings"];

    public static Command Create(VerbContext context)
    {
        var path = new Argument<string?>("path")
        {
            Description = "A content library folder, or one aid's folder (default: --content)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("check", "Check the content against the standards: structure, sources, IPDAS items, reading grade, medical terms");
        command.Arguments.Add(path);
        command.SetAction(parsed => Run(context, parsed.GetValue(path) ?? parsed.GetValue(context.Content)!));
        return command;
    }

    private static int Run(VerbContext context, string path)
    {
        if (!Directory.Exists(path))
        {
            context.Error.WriteLine($"pda: no folder '{path}': give a content library folder or one aid's folder");
            return PdaCommand.BadUsage;
        }
        var (libraryPath, onlyAid) = Resolve(path);
        var library = ContentLibrary.Load(libraryPath);
        if (onlyAid is not null && library.Find(onlyAid) is null && !library.LoadFindings.Any(f => f.Location.Path.Contains($"/{onlyAid}/", StringComparison.Ordinal)))
        {
            context.Error.WriteLine($"pda: the folder '{path}' holds aid.yaml but no aid '{onlyAid}' could be loaded from it");
            return PdaCommand.ProblemsFound;
        }
        // For one aid: its own findings and the library-wide ones (e.g. links between aids), never another aid's.
        // The interface's words (_site/<code>.yaml) are checked with the whole library, not with one aid.
        var siteFindings = onlyAid is null ? SiteTexts.Check(libraryPath, libraryPath) : [];
        var findings = AidChecker.Check(library, context.Today)
            .Where(f => onlyAid is null || f.Location.Path.Contains($"/{onlyAid}/", StringComparison.Ordinal) || !IsInAnAidFolder(library, f))
            .Concat(siteFindings)
            .ToList();
        foreach (var finding in findings) context.Out.WriteLine(finding);
        if (findings.Count > 0) context.Out.WriteLine();

        var rows = new List<string[]> { Header };
        foreach (var aid in library.Aids.Where(a => onlyAid is null || a.Id == onlyAid))
        {
            foreach (var language in aid.Languages)
            {
                var score = AidReadability.Measure(aid.Texts[language])?.Whole;
                var mine = findings.Where(f => f.Location.Path.Contains($"/{aid.Id}/", StringComparison.Ordinal)
                    && (f.Location.Path.EndsWith($"/{language}.yaml", StringComparison.Ordinal) || f.Location.Path.EndsWith("/aid.yaml", StringComparison.Ordinal))).ToList();
                rows.Add([
                    aid.Id, language, aid.Version,
                    // English: Flesch-Kincaid, SMOG and Flesch Reading Ease; Spanish: the INFLESZ scale (Szigriszt-Pazos);
                    // Chinese: sentences per 100 characters; other languages: words per sentence.
                    .. Scores(score, Languages.Get(language).Readability),
                    Format(score?.Sentences), Format(score?.Words),
                    Format(mine.Count(f => f.Severity == Severity.Error)), Format(mine.Count(f => f.Severity == Severity.Warning)),
                ]);
            }
        }
        Table.Write(context.Out, rows);
        var errors = findings.Count(f => f.Severity == Severity.Error);
        var warnings = findings.Count - errors;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{errors} error(s), {warnings} warning(s) in {library.Aids.Count(a => onlyAid is null || a.Id == onlyAid)} aid(s)"));
        return errors > 0 ? PdaCommand.ProblemsFound : PdaCommand.Ok;
    }

    private static string[] Scores(ReadabilityScore? score, ReadabilityRule rule) => rule switch
    {
        ReadabilityRule.FleschKincaid => [Format(score?.FleschKincaidGrade), Format(score?.Smog), Format(score?.FleschReadingEase), "Flesch"],
        ReadabilityRule.Inflesz => ["-", "-", Format(score?.Szigriszt), "INFLESZ"],
        ReadabilityRule.ChineseSentenceDensity => ["-", "-", Format(score?.SentencesPer100Words), "sentences/100 chars"],
        _ => ["-", "-", Format(score?.WordsPerSentence), "words/sentence"],
    };

    private static bool IsInAnAidFolder(ContentLibrary library, Finding finding) =>
        library.Aids.Any(a => finding.Location.Path.Contains($"/{a.Id}/", StringComparison.Ordinal));

    /// <summary>A folder holding aid.yaml is one aid: load its library (the parent) and report only that aid.</summary>
    private static (string Library, string? Aid) Resolve(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (!File.Exists(Path.Combine(full, AidLoader.ModelFile))) return (Path.TrimEndingDirectorySeparator(path), null);
        // Keep messages relative when the user gave a relative path ("." inside an aid folder reads "../neurolysis/...").
        var parent = Path.GetDirectoryName(full)!;
        var library = Path.IsPathRooted(path) ? parent : Path.GetRelativePath(Environment.CurrentDirectory, parent);
        return (library, Path.GetFileName(full));
    }

    private static string Format(double? value) => value is null ? "-" : value.Value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Format(int? value) => value is null ? "-" : value.Value.ToString(CultureInfo.InvariantCulture);
}
