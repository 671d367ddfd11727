using System.Text.Json;
using DecisionAid.Cli;
using DecisionAid.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DecisionAid.Web.Tests.Data;

/// <summary>
/// `pda backup` while the site writes, and `pda restore` into an empty data folder or database: every write
/// acknowledged before the backup began is in it, the restored chain verifies and ends where the backup recorded,
/// and a copy that does not verify is refused. On both databases.
/// </summary>
public sealed class BackupTests
{
    private static readonly SealKey Key = new(Convert.FromBase64String(SiteFactory.SealKey));

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_backup_taken_under_write_load_restores_every_acknowledged_record(string provider)
    {
        using var database = TestDatabases.Create(provider);
        var keyFile = await KeyFileAsync();
        var cancel = TestContext.Current.CancellationToken;

        // A writer appends audited changes, one acknowledged transaction after another, until told to stop.
        var acknowledged = new System.Collections.Concurrent.ConcurrentQueue<long>();
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            await using var db = database.Open();
            var trail = new AuditTrail(db, TimeProvider.System, Key);
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                await trail.SaveAsync(new AuditEvent("test.write", "system", Detail: $"write {++n}"));
                acknowledged.Enqueue(n);
            }
        }, cancel);
        while (acknowledged.Count < 20) await Task.Delay(10, cancel); // wait for the writes themselves, not for time
        var before = acknowledged.Count;

        var folder = TestFolders.NewTemp("pda-backup");
        var file = Path.Combine(folder, "site.backup");
        var (code, output, error) = Pda(["backup", "--out", file, "--seal-key-file", keyFile, .. database.CliArgs()]);
        await stop.CancelAsync();
        await writer;
        var all = acknowledged.Count; // every write the backup could have seen, each enqueued once it was committed
        Assert.True(code == 0, output + error);
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(BackupManifest.PathFor(file), cancel))!;
        Assert.InRange(manifest.AuditEntries, before, all);
        Assert.Contains($"last hash: {manifest.LastHash}", output, StringComparison.Ordinal);

        // Restored into an empty place: the chain verifies and ends where the backup says.
        using var empty = Empty(provider);
        (code, output, error) = Pda(["restore", file, "--seal-key-file", keyFile, .. empty.CliArgs]);
        Assert.True(code == 0, output + error);
        Assert.Contains("intact", output, StringComparison.Ordinal);
        await using (var original = database.Open())
        await using (var restored = empty.Open())
        {
            var kept = await original.AuditEntries.AsNoTracking().Where(e => e.Seq <= manifest.AuditEntries).OrderBy(e => e.Seq).Select(e => e.Hash).ToListAsync(cancel);
            var back = await restored.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).Select(e => e.Hash).ToListAsync(cancel);
            Assert.Equal(kept, back);
            Assert.True(back.Count >= before);
        }

        // The site starts on the restored data.
        using var site = new SiteFactory(settings: empty.SiteSettings);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await site.Client().GetAsync("/healthz", cancel)).StatusCode);

        // A second restore into the now-full place is refused; nothing is overwritten.
        (code, _, error) = Pda(["restore", file, "--seal-key-file", keyFile, .. empty.CliArgs]);
        Assert.Equal(PdaCommand.ProblemsFound, code);
        Assert.Matches("exists already|not empty", error);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task A_restore_refuses_a_backup_that_does_not_verify_and_leaves_the_place_empty(string provider)
    {
        using var database = TestDatabases.Create(provider);
        var keyFile = await KeyFileAsync();
        var cancel = TestContext.Current.CancellationToken;
        await using (var db = database.Open())
        {
            var trail = new AuditTrail(db, TimeProvider.System, Key);
            for (var i = 0; i < 3; i++) await trail.SaveAsync(new AuditEvent("test.write", "system", Detail: $"write {i}"));
        }
        var file = Path.Combine(TestFolders.NewTemp("pda-backup"), "site.backup");
        Assert.Equal(0, Pda(["backup", "--out", file, "--seal-key-file", keyFile, .. database.CliArgs()]).Code);

        // The manifest says the chain ran further than the copy holds (newest entries cut off).
        var manifestFile = BackupManifest.PathFor(file);
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestFile, cancel))!;
        await File.WriteAllTextAsync(manifestFile, JsonSerializer.Serialize(manifest with { AuditEntries = manifest.AuditEntries + 1 }), cancel);
        using var empty = Empty(provider);
        var (code, _, error) = Pda(["restore", file, "--seal-key-file", keyFile, .. empty.CliArgs]);
        Assert.Equal(PdaCommand.ProblemsFound, code);
        Assert.Contains("refused", error, StringComparison.Ordinal);
        Assert.True(await empty.IsEmptyAsync());

        // With the right manifest but another seal key, the chain does not verify either.
        await File.WriteAllTextAsync(manifestFile, JsonSerializer.Serialize(manifest), cancel);
        var otherKey = Path.Combine(TestFolders.NewTemp("pda-key"), "seal.key");
        await File.WriteAllTextAsync(otherKey, Convert.ToBase64String(new byte[32]), cancel);
        (code, _, error) = Pda(["restore", file, "--seal-key-file", otherKey, .. empty.CliArgs]);
        Assert.Equal(PdaCommand.ProblemsFound, code);
        Assert.Contains("seal key", error, StringComparison.Ordinal);
        Assert.True(await empty.IsEmptyAsync());
    }

    private static (int Code, string Output, string Error) Pda(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = PdaCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<string> KeyFileAsync()
    {
        var keyFile = Path.Combine(TestFolders.NewTemp("pda-key"), "seal.key");
        await File.WriteAllTextAsync(keyFile, SiteFactory.SealKey, TestContext.Current.CancellationToken);
        return keyFile;
    }

    /// <summary>An empty place to restore into: a new data folder, or a new PostgreSQL database with no tables.</summary>
    private static EmptyPlace Empty(string provider)
    {
        if (provider == Storage.Sqlite)
        {
            var folder = TestFolders.NewTemp("pda-restore");
            return new EmptyPlace(provider, ["--data", folder],
                new() { ["Storage:Provider"] = Storage.Sqlite, ["Storage:DataFolder"] = folder },
                Storage.SqliteConnection(folder), () => Directory.Delete(folder, recursive: true));
        }
        var name = $"restore_{Guid.NewGuid():N}";
        using (var admin = new NpgsqlConnection(TestDatabases.PostgresServer()))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            create.ExecuteNonQuery();
        }
        var connection = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer()) { Database = name }.ConnectionString;
        return new EmptyPlace(provider, ["--postgres", connection],
            new() { ["Storage:Provider"] = Storage.Postgres, ["ConnectionStrings:DecisionAid"] = connection }, connection, () =>
            {
                NpgsqlConnection.ClearAllPools();
                using var admin = new NpgsqlConnection(TestDatabases.PostgresServer());
                admin.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                drop.ExecuteNonQuery();
            });
    }

    private sealed record EmptyPlace(string Provider, string[] CliArgs, Dictionary<string, string> SiteSettings, string Connection, Action Drop) : IDisposable
    {
        public DecisionAidDb Open() => TestDatabase.Open(Provider, Connection);

        public async Task<bool> IsEmptyAsync()
        {
            if (Provider == Storage.Sqlite) return !File.Exists(Path.Combine(CliArgs[1], "decisionaid.db"));
            await using var connection = new NpgsqlConnection(Connection);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
            return (long)(await count.ExecuteScalarAsync())! == 0;
        }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Drop();
        }
    }
}
