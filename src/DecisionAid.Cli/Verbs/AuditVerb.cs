using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DecisionAid.Cli.Verbs;

/// <summary>
/// `pda audit verify`: recomputes the audit chain and every sealed consent record; exit 1 names the first broken one.
/// A checkpoint (the last hash of an earlier run, kept outside the database) proves no newest entries were cut off.
/// </summary>
internal static partial class AuditVerb
{
    public static Command Create(VerbContext context)
    {
        var database = new SiteDatabase();
        var expect = new Option<string?>("--expect-last-hash") { Description = "A last hash printed by an earlier run: the chain must still hold it (64 hex digits)" };
        var checkpoints = new Option<FileInfo?>("--checkpoint-file")
        {
            Description = "A file outside the database (another machine, write-once storage): its newest line must still be in the chain, and an intact run adds a line",
        };
        var verify = new Command("verify", "Recompute the audit chain and every sealed consent record (hash and HMAC)") { expect, checkpoints };
        database.AddTo(verify);
        verify.SetAction(async (parsed, cancel) =>
        {
            var file = parsed.GetValue(checkpoints);
            string? checkpoint;
            try
            {
                checkpoint = Expected(parsed.GetValue(expect), file);
            }
            catch (FormatException e)
            {
                context.Error.WriteLine($"pda: {e.Message}");
                return PdaCommand.BadUsage;
            }
            AuditReport report;
            try
            {
                var (db, key) = database.Open(parsed, context.Error);
                await using (db) report = await AuditVerification.RunAsync(db, key, checkpoint, cancel);
            }
            catch (InvalidOperationException e)
            {
                context.Error.WriteLine($"pda: {e.Message}");
                return PdaCommand.BadUsage;
            }
            context.Out.WriteLine($"audit entries checked: {report.EntriesChecked}");
            context.Out.WriteLine($"last hash: {report.LastHash}");
            context.Out.WriteLine($"sealed records checked: {report.RecordsChecked}");
            if (report.CheckpointAt is { } at) context.Out.WriteLine($"checkpoint found: entry {at}");
            if (report.Intact)
            {
                context.Out.WriteLine("intact: the chain and every sealed record verify");
                if (file is not null && report.EntriesChecked > 0)
                {
                    await File.AppendAllTextAsync(file.FullName,
                        $"{report.EntriesChecked} {report.LastHash} {DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}{Environment.NewLine}", cancel);
                    context.Out.WriteLine($"checkpoint added to {file.FullName}");
                }
                return PdaCommand.Ok;
            }
            context.Out.WriteLine($"BROKEN: {report.Problem}");
            return PdaCommand.ProblemsFound;
        });
        var audit = new Command("audit", "Check the tamper-evident audit trail");
        audit.Subcommands.Add(verify);
        return audit;
    }

    /// <summary>The hash the chain must hold: the one given, else the newest line of the checkpoint file (none yet: nothing to hold).</summary>
    private static string? Expected(string? given, FileInfo? file)
    {
        if (given is not null)
            return HashPattern().IsMatch(given.Trim()) ? given.Trim().ToLowerInvariant() : throw new FormatException($"--expect-last-hash: '{given}' is not a hash of 64 hex digits");
        if (file is null || !file.Exists) return null;
        var last = File.ReadLines(file.FullName).LastOrDefault(l => l.Trim().Length > 0);
        if (last is null) return null;
        var parts = last.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && HashPattern().IsMatch(parts[1]) ? parts[1]
            : throw new FormatException($"{file.FullName}: its last line is not 'ENTRIES HASH TIME' as this command writes it");
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex HashPattern();
}
