using System.Data;
using System.Diagnostics;
using System.Text.Json;
using DecisionAid.Records.Audit;
using DecisionAid.Records.Consent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DecisionAid.Records.Data;

/// <summary>What a backup holds, written beside it: the audit chain's length and last hash at the moment it was taken.</summary>
public sealed record BackupManifest(string Format, string Provider, long AuditEntries, string LastHash, DateTime TakenAt)
{
    public const string CurrentFormat = "decisionaid-backup/1";

    public static string PathFor(string backupFile) => backupFile + ".manifest.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task WriteAsync(string backupFile, CancellationToken cancel) =>
        await File.WriteAllTextAsync(PathFor(backupFile), JsonSerializer.Serialize(this, Json), cancel);

    public static async Task<BackupManifest> ReadAsync(string backupFile, CancellationToken cancel)
    {
        var path = PathFor(backupFile);
        if (!File.Exists(path)) throw new InvalidOperationException($"no manifest beside the backup ({path}): it records the audit chain's last hash, so a restore can prove it is whole");
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(path, cancel))
            ?? throw new InvalidOperationException($"{path} is empty");
        if (manifest.Format != CurrentFormat) throw new InvalidOperationException($"{path} is of format '{manifest.Format}', not '{CurrentFormat}'");
        return manifest;
    }
}

/// <summary>
/// Consistent copies of a running site's database, and restores that prove themselves: SQLite through its online backup
/// API, PostgreSQL through pg_dump in one snapshot. The audit chain's last hash is recorded beside each copy, and a
/// restore runs the full audit verification against it before the site may use the data.
/// </summary>
public static class Backups
{
    public static async Task<BackupManifest> BackupSqliteAsync(string databaseFile, string outFile, SealKey key, DateTime now, CancellationToken cancel)
    {
        if (!File.Exists(databaseFile)) throw new InvalidOperationException($"no database at {databaseFile}");
        NoOverwrite(outFile);
        var partial = outFile + ".partial";
        File.Delete(partial);
        // The online backup API copies a consistent snapshot while the site keeps writing (WAL).
        using (var source = new SqliteConnection($"Data Source={databaseFile};Pooling=False"))
        using (var target = new SqliteConnection($"Data Source={partial};Pooling=False"))
        {
            await source.OpenAsync(cancel);
            await target.OpenAsync(cancel);
            source.BackupDatabase(target);
        }
        var report = await VerifySqliteAsync(partial, key, null, cancel);
        if (!report.Intact)
        {
            File.Delete(partial);
            throw new InvalidOperationException($"the copy does not verify, so no backup was written: {report.Problem}");
        }
        File.Move(partial, outFile);
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, Storage.Sqlite, report.EntriesChecked, report.LastHash, now);
        await manifest.WriteAsync(outFile, cancel);
        return manifest;
    }

    /// <summary>Restores a SQLite backup as the data folder's database, only if there is none yet and the copy verifies.</summary>
    public static async Task<AuditReport> RestoreSqliteAsync(string backupFile, string databaseFile, SealKey key, CancellationToken cancel)
    {
        var manifest = await BackupManifest.ReadAsync(backupFile, cancel);
        if (manifest.Provider != Storage.Sqlite) throw new InvalidOperationException($"{backupFile} is a {manifest.Provider} backup; restore it into PostgreSQL (--postgres)");
        if (File.Exists(databaseFile) && new FileInfo(databaseFile).Length > 0)
            throw new InvalidOperationException($"{databaseFile} exists already: a restore goes into an empty data folder, so nothing is overwritten");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!);
        var partial = databaseFile + ".restoring";
        File.Copy(backupFile, partial, overwrite: true);
        var report = await VerifySqliteAsync(partial, key, manifest.LastHash, cancel);
        var problem = Problem(report, manifest);
        if (problem is not null)
        {
            File.Delete(partial);
            throw new InvalidOperationException($"refused: {problem}");
        }
        File.Move(partial, databaseFile);
        return report;
    }

    public static async Task<BackupManifest> BackupPostgresAsync(string connectionString, string outFile, DateTime now, CancellationToken cancel)
    {
        NoOverwrite(outFile);
        var partial = outFile + ".partial";
        File.Delete(partial);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancel);
        // One snapshot for the dump and for the chain's end recorded beside it, while the site keeps writing.
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancel);
        string id;
        await using (var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, snapshot))
            id = (string)(await export.ExecuteScalarAsync(cancel))!;
        long entries = 0;
        var last = AuditTrail.Genesis;
        await using (var end = new NpgsqlCommand("""SELECT "Seq", "Hash" FROM "AuditEntries" ORDER BY "Seq" DESC LIMIT 1""", connection, snapshot))
        await using (var row = await end.ExecuteReaderAsync(cancel))
            if (await row.ReadAsync(cancel)) (entries, last) = (row.GetInt64(0), row.GetString(1));
        await RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", $"--snapshot={id}", $"--file={partial}"], cancel);
        await snapshot.CommitAsync(cancel);
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, Storage.Postgres, entries, last, now);
        File.Move(partial, outFile);
        await manifest.WriteAsync(outFile, cancel);
        return manifest;
    }

    /// <summary>Restores a pg_dump backup into an empty database; if it does not verify, the database is emptied again.</summary>
    public static async Task<AuditReport> RestorePostgresAsync(string backupFile, string connectionString, SealKey key, CancellationToken cancel)
    {
        var manifest = await BackupManifest.ReadAsync(backupFile, cancel);
        if (manifest.Provider != Storage.Postgres) throw new InvalidOperationException($"{backupFile} is a {manifest.Provider} backup; restore it into a data folder (--data)");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(cancel);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
            if ((long)(await count.ExecuteScalarAsync(cancel))! > 0)
                throw new InvalidOperationException("the database is not empty: a restore goes into an empty database, so nothing is overwritten");
        }
        await RunAsync("pg_restore", connectionString, ["--no-owner", "--exit-on-error", backupFile], cancel);
        var report = await VerifyPostgresAsync(connectionString, key, manifest.LastHash, cancel);
        if (Problem(report, manifest) is { } problem)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancel);
            await using var empty = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public", connection);
            await empty.ExecuteNonQueryAsync(cancel);
            throw new InvalidOperationException($"refused, and the database emptied again: {problem}");
        }
        return report;
    }

    private static string? Problem(AuditReport report, BackupManifest manifest) =>
        !report.Intact ? report.Problem
        : report.EntriesChecked != manifest.AuditEntries || report.LastHash != manifest.LastHash
            ? $"the audit chain ends at entry {report.EntriesChecked} ({report.LastHash}), but the backup recorded entry {manifest.AuditEntries} ({manifest.LastHash})"
            : null;

    private static async Task<AuditReport> VerifySqliteAsync(string file, SealKey key, string? checkpoint, CancellationToken cancel)
    {
        var options = new DbContextOptionsBuilder<SqliteDecisionAidDb>();
        Storage.ConfigureSqlite(options, $"Data Source={file};Pooling=False;Foreign Keys=True");
        await using var db = new SqliteDecisionAidDb(options.Options);
        return await AuditVerification.RunAsync(db, key, checkpoint, cancel);
    }

    private static async Task<AuditReport> VerifyPostgresAsync(string connectionString, SealKey key, string? checkpoint, CancellationToken cancel)
    {
        await using var db = new PostgresDecisionAidDb(new DbContextOptionsBuilder<PostgresDecisionAidDb>().UseNpgsql(connectionString).Options);
        return await AuditVerification.RunAsync(db, key, checkpoint, cancel);
    }

    private static void NoOverwrite(string outFile)
    {
        if (File.Exists(outFile)) throw new InvalidOperationException($"{outFile} exists already: choose a new file name");
    }

    /// <summary>Runs pg_dump or pg_restore against the connection string's server (password through PGPASSWORD, never the command line).</summary>
    private static async Task RunAsync(string tool, string connectionString, string[] args, CancellationToken cancel)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { $"--host={c.Host}", $"--port={c.Port}", $"--username={c.Username}", $"--dbname={c.Database}" }.Concat(args)) start.ArgumentList.Add(a);
        if (!string.IsNullOrEmpty(c.Password)) start.Environment["PGPASSWORD"] = c.Password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start: install PostgreSQL's client tools");
        var error = process.StandardError.ReadToEndAsync(cancel);
        await process.StandardOutput.ReadToEndAsync(cancel);
        await process.WaitForExitAsync(cancel);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {(await error).Trim()}");
    }
}
