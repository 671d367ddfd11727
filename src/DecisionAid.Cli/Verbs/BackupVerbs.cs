using System.CommandLine;

namespace DecisionAid.Cli.Verbs;

/// <summary>
/// `pda backup --out FILE` and `pda restore FILE`: a consistent copy of the site's database while it runs, with the audit
/// chain's last hash recorded beside it (FILE.manifest.json), and a restore into an empty data folder or database
/// that runs the audit verification and refuses a copy that does not verify. The seal key is never in the backup.
/// </summary>
internal static class BackupVerbs
{
    public static Command Backup(VerbContext context)
    {
        var database = new SiteDatabase();
        var output = new Option<string>("--out") { Description = "The backup file to write (it must not exist); FILE.manifest.json is written beside it", Required = true };
        var command = new Command("backup", "Copy the site's database while it runs (SQLite's online backup, or pg_dump), with the audit chain's last hash beside it") { output };
        database.AddTo(command);
        command.SetAction(async (parsed, cancel) => await Run(context, async () =>
        {
            var file = Path.GetFullPath(parsed.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var (provider, target) = database.Location(parsed);
            var manifest = provider == Storage.Sqlite
                ? await Backups.BackupSqliteAsync(target, file, database.Key(parsed, context.Error), DateTime.UtcNow, cancel)
                : await Backups.BackupPostgresAsync(target, file, DateTime.UtcNow, cancel);
            context.Out.WriteLine($"wrote {file} ({new FileInfo(file).Length:N0} bytes, {provider})");
            context.Out.WriteLine($"audit entries: {manifest.AuditEntries}");
            context.Out.WriteLine($"last hash: {manifest.LastHash}");
            context.Out.WriteLine($"manifest: {BackupManifest.PathFor(file)}");
            context.Out.WriteLine("The seal key is not in the backup: keep it apart from it (a restore needs it to verify).");
            return PdaCommand.Ok;
        }));
        return command;
    }

    public static Command Restore(VerbContext context)
    {
        var database = new SiteDatabase();
        var input = new Argument<string>("file") { Description = "A backup written by `pda backup` (its manifest beside it)" };
        var command = new Command("restore", "Restore a backup into an empty data folder or database, then verify the audit chain and every sealed record against it") { input };
        database.AddTo(command);
        command.SetAction(async (parsed, cancel) => await Run(context, async () =>
        {
            var file = Path.GetFullPath(parsed.GetValue(input)!);
            if (!File.Exists(file)) throw new InvalidOperationException($"no backup at {file}");
            var (provider, target) = database.Location(parsed);
            var key = database.Key(parsed, context.Error);
            var report = provider == Storage.Sqlite
                ? await Backups.RestoreSqliteAsync(file, target, key, cancel)
                : await Backups.RestorePostgresAsync(file, target, key, cancel);
            context.Out.WriteLine($"restored {file} into {(provider == Storage.Sqlite ? target : "the PostgreSQL database")}");
            context.Out.WriteLine($"audit entries checked: {report.EntriesChecked}");
            context.Out.WriteLine($"last hash: {report.LastHash}");
            context.Out.WriteLine($"sealed records checked: {report.RecordsChecked}");
            context.Out.WriteLine("intact: the chain and every sealed record verify, and the chain ends where the backup recorded");
            return PdaCommand.Ok;
        }));
        return command;
    }

    /// <summary>A refusal (exists already, does not verify, a tool failed) is exit 1 with its reason; nothing is half-written.</summary>
    private static async Task<int> Run(VerbContext context, Func<Task<int>> work)
    {
        try
        {
            return await work();
        }
        catch (InvalidOperationException e)
        {
            context.Error.WriteLine($"pda: {e.Message}");
            return PdaCommand.ProblemsFound;
        }
    }
}
