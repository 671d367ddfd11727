using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace DecisionAid.Records.Data;

/// <summary>Where the site keeps what it stores: SQLite (a file, the default) or PostgreSQL, chosen by configuration.</summary>
public static class Storage
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>The database the configuration names, outside the web app (the `pda` command): the caller disposes it.</summary>
    /// <param name="create">Make the data folder and an empty file when there is none (a clinician added before the site's first start).</param>
    public static DecisionAidDb Open(IConfiguration config, string contentRoot, bool create = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        switch (config["Storage:Provider"] ?? Sqlite)
        {
            case Sqlite:
                var file = Path.Combine(DataFolder(config, contentRoot), "decisionaid.db");
                if (create) Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                else if (!File.Exists(file)) throw new InvalidOperationException($"no database at {file}: set Storage:DataFolder (--data) to the site's data folder");
                var options = new DbContextOptionsBuilder<SqliteDecisionAidDb>();
                ConfigureSqlite(options, SqliteConnection(Path.GetDirectoryName(file)!));
                return new SqliteDecisionAidDb(options.Options);
            case Postgres:
                return new PostgresDecisionAidDb(new DbContextOptionsBuilder<PostgresDecisionAidDb>().UseNpgsql(PostgresConnection(config)).Options);
            case var other:
                throw new InvalidOperationException($"Storage:Provider must be '{Sqlite}' or '{Postgres}', not '{other}'");
        }
    }

    /// <summary>Statements a connection keeps prepared unless the connection string says otherwise (Npgsql's default is none).</summary>
    public const int PostgresAutoPrepared = 64;

    /// <summary>
    /// ConnectionStrings:DecisionAid, with Npgsql's automatic preparation on unless the string sets "Max Auto Prepare":
    /// a statement a connection runs often is then parsed and planned once, not on every run (in one benchmark run the
    /// API made 1.6 times the packets a second). Behind a PgBouncer in transaction mode that does not keep prepared
    /// statements (max_prepared_statements = 0, its default before 1.24), set it to 0.
    /// </summary>
    public static string PostgresConnection(IConfiguration config)
    {
        var given = GivenPostgresConnection(config);
        // Npgsql's own builder says it "contains" every key it knows, set or not: the string's own keys are read plainly.
        var keys = new DbConnectionStringBuilder { ConnectionString = given };
        if (keys.ContainsKey("Max Auto Prepare") || keys.ContainsKey("MaxAutoPrepare")) return given;
        return new Npgsql.NpgsqlConnectionStringBuilder(given) { MaxAutoPrepare = PostgresAutoPrepared }.ConnectionString;
    }

    /// <summary>ConnectionStrings:DecisionAid as configured (backups hand it to pg_dump as it is).</summary>
    public static string GivenPostgresConnection(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.GetConnectionString("DecisionAid")
            ?? throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:DecisionAid is not set");
    }

    public static string SqliteConnection(string folder) => $"Data Source={Path.Combine(folder, "decisionaid.db")};Foreign Keys=True";

    /// <summary>Storage:DataFolder, by default "data" beside the app: the SQLite file, and in Development the seal key.</summary>
    public static string DataFolder(IConfiguration config, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Path.GetFullPath(config["Storage:DataFolder"] is { Length: > 0 } f ? f : "data", contentRoot);
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder options, string connection)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseSqlite(connection).AddInterceptors(new SqliteDurability());
    }

    /// <summary>
    /// Write-ahead logging and a full sync on every commit: an acknowledged write survives a crash or power loss.
    /// Writers take turns (audited steps hold the write lock); one waits up to 30 s rather than failing under load.
    /// </summary>
    private sealed class SqliteDurability : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        /// <summary>Native connections already set up: the pool hands the same ones out again, with their settings kept.</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = [];

        private static void Apply(DbConnection connection)
        {
            // A pragma lasts as long as the native connection (journal_mode=WAL lasts in the file itself), and the pool
            // keeps native connections open between uses: set them once each, not on every open (3 statements a query).
            // Marked only once they have run: a connection whose pragmas failed is set up again on its next use.
            var handle = (connection as Microsoft.Data.Sqlite.SqliteConnection)?.Handle;
            if (handle is not null && Configured.TryGetValue(handle, out _)) return;
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
            command.ExecuteNonQuery();
            if (handle is not null) Configured.AddOrUpdate(handle, handle);
        }
    }
}

/// <summary>For `dotnet ef migrations add ... --context SqliteDecisionAidDb`.</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteDecisionAidDb>
{
    public SqliteDecisionAidDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteDecisionAidDb>();
        Storage.ConfigureSqlite(options, "Data Source=design.db");
        return new SqliteDecisionAidDb(options.Options);
    }
}

/// <summary>For `dotnet ef migrations add ... --context PostgresDecisionAidDb` (no server is contacted).</summary>
public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresDecisionAidDb>
{
    public PostgresDecisionAidDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDecisionAidDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
