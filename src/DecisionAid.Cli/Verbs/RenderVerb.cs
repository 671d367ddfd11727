using System.CommandLine;
using DecisionAid.Core.Checks;
using DecisionAid.Core.Loading;
using DecisionAid.Rendering;

namespace DecisionAid.Cli.Verbs;

/// <summary>`pda render AID --lang en --format html --out FILE`: one self-contained file, made by the web site's components.</summary>
internal static class RenderVerb
{
    private static readonly string[] Formats = ["html", "pdf"];
    private static readonly string[] Parts = ["aid", "aftercare"];

    public static Command Create(VerbContext context)
    {
        var aid = new Argument<string>("aid") { Description = "The aid's id, e.g. neurolysis" };
        var lang = new Option<string>("--lang") { Description = "Language code, e.g. en", DefaultValueFactory = _ => "en" };
        var format = new Option<string>("--format") { Description = "Output format: html or pdf", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong(Formats);
        var part = new Option<string>("--part") { Description = "What to render: the whole aid, or its aftercare (one page)", DefaultValueFactory = _ => "aid" };
        part.AcceptOnlyFromAmong(Parts);
        var output = new Option<string?>("--out") { Description = "The file to write (default: AID.LANG.html or .pdf in the current folder)" };
        var command = new Command("render", "Render an aid to one self-contained file (no outside requests)");
        command.Arguments.Add(aid);
        command.Options.Add(lang);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(part);
        command.SetAction((parsed, _) => RunAsync(context, parsed.GetValue(context.Content)!, parsed.GetValue(aid)!, parsed.GetValue(lang)!, parsed.GetValue(format)!, parsed.GetValue(output), parsed.GetValue(part)!));
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, string contentPath, string aidId, string language, string format, string? outPath, string part)
    {
        var library = ContentLibrary.Load(contentPath);
        if (Loaded.FindAid(context, library, aidId, language) is not { } aid) return PdaCommand.BadUsage;
        // Patients read what this writes: refuse content that fails its checks.
        var errors = AidChecker.Check(aid, context.Today).Where(f => f.Severity == Severity.Error).ToList();
        errors.InsertRange(0, library.LoadFindings.Where(f => f.Severity == Severity.Error && f.Location.Path.Contains($"/{aid.Id}/", StringComparison.Ordinal)));
        if (errors.Count > 0)
        {
            foreach (var error in errors) context.Error.WriteLine(error);
            context.Error.WriteLine($"pda: not rendering '{aidId}': fix the errors above first (see `pda check`)");
            return PdaCommand.ProblemsFound;
        }
        if (part == "aftercare" && aid.Aftercare.Count == 0)
        {
            context.Error.WriteLine($"pda: the aid '{aid.Id}' has no aftercare");
            return PdaCommand.ProblemsFound;
        }
        outPath ??= part == "aftercare" ? $"{aid.Id}.aftercare.{language}.{format}" : $"{aid.Id}.{language}.{format}";
        var folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (folder is not null) Directory.CreateDirectory(folder);
        if (format == "pdf")
        {
            await File.WriteAllBytesAsync(outPath, part == "aftercare" ? DecisionAid.Rendering.Pdf.AftercarePdf.Render(aid, language) : DecisionAid.Rendering.Pdf.HandoutPdf.Render(aid, language));
        }
        else
        {
            await using var renderer = new AidRenderer();
            await File.WriteAllTextAsync(outPath, part == "aftercare" ? await renderer.RenderStandaloneAftercareAsync(aid, language) : await renderer.RenderStandaloneAsync(aid, language));
        }
        context.Out.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length:N0} bytes; {aid.Id} {aid.Version}, {language})");
        return PdaCommand.Ok;
    }
}
