using System.CommandLine;
using DecisionAid.Core.Loading;
using DecisionAid.Core.Standards;
using DecisionAid.Rendering;
using DecisionAid.Rendering.Dossiers;
using DecisionAid.Rendering.Pdf;

namespace DecisionAid.Cli.Verbs;

/// <summary>
/// `pda dossier AID [--lang L] --out FILE`: the aid version's standards dossier, HTML or PDF by the file's extension.
/// Exit 1 when a machine-judged item fails (the file is still written, so the failure can be read).
/// </summary>
internal static class DossierVerb
{
    public static Command Create(VerbContext context)
    {
        var aid = new Argument<string>("aid") { Description = "The aid's id, e.g. neurolysis" };
        var lang = new Option<string?>("--lang") { Description = "Judge one language only (default: every language of the aid)" };
        var output = new Option<string?>("--out") { Description = "The file to write: .html or .pdf (default: AID.dossier.html in the current folder)" };
        var command = new Command("dossier", "Write an aid version's standards dossier (IPDAS v4.0, NQF 2016, WAC 182-60-025): each item judged, with its evidence");
        command.Arguments.Add(aid);
        command.Options.Add(lang);
        command.Options.Add(output);
        command.SetAction((parsed, _) => RunAsync(context, parsed.GetValue(context.Content)!, parsed.GetValue(aid)!, parsed.GetValue(lang), parsed.GetValue(output)));
        return command;
    }

    private static async Task<int> RunAsync(VerbContext context, string contentPath, string aidId, string? language, string? outPath)
    {
        outPath ??= language is null ? $"{aidId}.dossier.html" : $"{aidId}.{language}.dossier.html";
        var extension = Path.GetExtension(outPath).ToLowerInvariant();
        if (extension is not (".html" or ".pdf"))
        {
            context.Error.WriteLine($"pda: --out must end in .html or .pdf, not '{extension}'");
            return PdaCommand.BadUsage;
        }
        var library = ContentLibrary.Load(contentPath);
        // Without --lang, any language the aid has will do for finding it: the dossier judges them all.
        var lookup = language ?? library.Find(aidId)?.Languages.FirstOrDefault() ?? "en";
        return Loaded.FindAid(context, library, aidId, lookup) is { } aid ? await WriteAsync(context, aid, language, outPath, extension) : PdaCommand.BadUsage;
    }

    private static async Task<int> WriteAsync(VerbContext context, Core.Content.Aid aid, string? language, string outPath, string extension)
    {
        var dossier = Dossier.Build(aid, language);
        var folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (folder is not null) Directory.CreateDirectory(folder);
        if (extension == ".pdf") await File.WriteAllBytesAsync(outPath, DossierPdf.Render(dossier));
        else
        {
            await using var renderer = new AidRenderer();
            await File.WriteAllTextAsync(outPath, await renderer.RenderDossierAsync(dossier));
        }
        context.Out.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length:N0} bytes; {aid.Id} {aid.Version}, {DossierWords.Languages(dossier)}; content hash {aid.ContentHash})");
        context.Out.WriteLine(DossierWords.Tally(dossier));
        foreach (var entry in dossier.Entries.Where(e => e.Verdict == Verdict.Fail))
            foreach (var finding in entry.Findings) context.Error.WriteLine($"{entry.Item.Id}: {finding}");
        return dossier.MachineItemsPass ? PdaCommand.Ok : PdaCommand.ProblemsFound;
    }
}
