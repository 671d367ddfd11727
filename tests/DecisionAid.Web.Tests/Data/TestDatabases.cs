using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DecisionAid.Web.Tests.Data;

/// <summary>
/// Fresh, migrated databases for storage tests, on both providers: a real SQLite file, and a new database on the
/// PostgreSQL server that scripts/test.sh starts (its connection string in DECISIONAID_TEST_POSTGRES).
/// </summary>
public static class TestDatabases
{
    public static TheoryData<string> Providers => [Storage.Sqlite, Storage.Postgres];

    public static string PostgresServer() =>
        Environment.GetEnvironmentVariable("DECISIONAID_TEST_POSTGRES") is { Length: > 0 } s
            ? s
            : throw new InvalidOperationException("DECISIONAID_TEST_POSTGRES is not set: run the tests with ./scripts/test.sh, which starts PostgreSQL");

    /// <summary>A new empty database, migrated; disposing the handle drops it.</summary>
    public static TestDatabase Create(string provider)
    {
        if (provider == Storage.Sqlite)
        {
            var folder = TestFolders.NewTemp("pda-db");
            var connection = $"Data Source={Path.Combine(folder, "decisionaid.db")};Foreign Keys=True";
            return new TestDatabase(provider, connection, () =>
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            });
        }
        var name = $"test_{Guid.NewGuid():N}";
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, () =>
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(PostgresServer());
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        });
    }
}

public sealed class TestDatabase : IDisposable
{
    private readonly Action _drop;

    internal TestDatabase(string provider, string connectionString, Action drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
        using var db = Open();
        db.Database.Migrate();
    }

    public string Provider { get; }
    public string ConnectionString { get; }

    /// <summary>Settings that point a SiteFactory at this database.</summary>
    public Dictionary<string, string> SiteSettings() => Provider == Storage.Sqlite
        ? new() { ["Storage:Provider"] = Storage.Sqlite, ["Storage:DataFolder"] = Path.GetDirectoryName(ConnectionString["Data Source=".Length..].Split(';')[0])! }
        : new() { ["Storage:Provider"] = Storage.Postgres, ["ConnectionStrings:DecisionAid"] = ConnectionString };

    /// <summary>How `pda` finds this database: --data FOLDER or --postgres CONNECTION.</summary>
    public string[] CliArgs() => Provider == Storage.Sqlite
        ? ["--data", SiteSettings()["Storage:DataFolder"]]
        : ["--postgres", ConnectionString];

    public DecisionAidDb Open() => Open(Provider, ConnectionString);

    /// <summary>A context on any database of the tests, as the site configures it.</summary>
    public static DecisionAidDb Open(string provider, string connectionString)
    {
        if (provider == Storage.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteDecisionAidDb>();
            Storage.ConfigureSqlite(options, connectionString);
            return new SqliteDecisionAidDb(options.Options);
        }
        return new PostgresDecisionAidDb(new DbContextOptionsBuilder<PostgresDecisionAidDb>().UseNpgsql(connectionString).Options);
    }

    public void Dispose() => _drop();
}
