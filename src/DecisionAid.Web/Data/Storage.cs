using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DecisionAid.Web.Data;

/// <summary>Where the site keeps what it stores: SQLite (a file, the default) or PostgreSQL, chosen by configuration.</summary>
public static class Storage
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>
    /// Storage:Provider = Sqlite (default; Storage:DataFolder, default "data" beside the app) or Postgres
    /// (ConnectionStrings:DecisionAid). Data Protection keys live in the same database.
    /// </summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var provider = config["Storage:Provider"] ?? Sqlite;
        switch (provider)
        {
            case Sqlite:
                var folder = DataFolder(config, builder.Environment.ContentRootPath);
                Directory.CreateDirectory(folder);
                var connection = SqliteConnection(folder);
                builder.Services.AddDbContext<DecisionAidDb, SqliteDecisionAidDb>(o => ConfigureSqlite(o, connection));
                break;
            case Postgres:
                var pg = config.GetConnectionString("DecisionAid")
                    ?? throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:DecisionAid is not set");
                builder.Services.AddDbContext<DecisionAidDb, PostgresDecisionAidDb>(o => o.UseNpgsql(pg));
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider must be '{Sqlite}' or '{Postgres}', not '{provider}'");
        }
        builder.Services.AddDataProtection().PersistKeysToDbContext<DecisionAidDb>().SetApplicationName("DecisionAid");
        return builder;
    }

    /// <summary>The database the configuration names, outside the web app (the `pda` command): the caller disposes it.</summary>
    public static DecisionAidDb Open(IConfiguration config, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(config);
        switch (config["Storage:Provider"] ?? Sqlite)
        {
            case Sqlite:
                var file = Path.Combine(DataFolder(config, contentRoot), "decisionaid.db");
                if (!File.Exists(file)) throw new InvalidOperationException($"no database at {file}: set Storage:DataFolder (--data) to the site's data folder");
                var options = new DbContextOptionsBuilder<SqliteDecisionAidDb>();
                ConfigureSqlite(options, SqliteConnection(Path.GetDirectoryName(file)!));
                return new SqliteDecisionAidDb(options.Options);
            case Postgres:
                var pg = config.GetConnectionString("DecisionAid")
                    ?? throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:DecisionAid is not set");
                return new PostgresDecisionAidDb(new DbContextOptionsBuilder<PostgresDecisionAidDb>().UseNpgsql(pg).Options);
            case var other:
                throw new InvalidOperationException($"Storage:Provider must be '{Sqlite}' or '{Postgres}', not '{other}'");
        }
    }

    private static string SqliteConnection(string folder) => $"Data Source={Path.Combine(folder, "decisionaid.db")};Foreign Keys=True";

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
    /// Brings the database to the newest migration before the site takes requests, and stores the library's aid
    /// versions that are not stored yet (so packets made with them can be shown again after the content changes).
    /// </summary>
    public static WebApplication MigrateStorage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DecisionAidDb>();
        db.Database.Migrate();
        app.Services.GetRequiredService<Library.AidArchive>()
            .PublishAsync(db, app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).GetAwaiter().GetResult();
        return app;
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

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
            command.ExecuteNonQuery();
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
