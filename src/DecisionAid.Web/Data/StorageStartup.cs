using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Data;

/// <summary>The site's storage: the database (DecisionAid.Records) registered, migrated and its aid versions stored at start.</summary>
public static class StorageStartup
{
    /// <summary>
    /// Storage:Provider = Sqlite (default; Storage:DataFolder, default "data" beside the app) or Postgres
    /// (ConnectionStrings:DecisionAid). Data Protection keys live in the same database. Contexts are pooled: setting one
    /// up cost about a twentieth of an API call's CPU (bench/README.md), and EF resets each before reuse.
    /// </summary>
    public static WebApplicationBuilder AddStorage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var provider = config["Storage:Provider"] ?? Storage.Sqlite;
        switch (provider)
        {
            case Storage.Sqlite:
                var folder = Storage.DataFolder(config, builder.Environment.ContentRootPath);
                Directory.CreateDirectory(folder);
                var connection = Storage.SqliteConnection(folder);
                builder.Services.AddDbContextPool<DecisionAidDb, SqliteDecisionAidDb>(o => Storage.ConfigureSqlite(o, connection));
                break;
            case Storage.Postgres:
                var pg = Storage.PostgresConnection(config);
                builder.Services.AddDbContextPool<DecisionAidDb, PostgresDecisionAidDb>(o => o.UseNpgsql(pg));
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider must be '{Storage.Sqlite}' or '{Storage.Postgres}', not '{provider}'");
        }
        builder.Services.AddSingleton<Outcomes.CountingAtStart>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Outcomes.CountingAtStart>());
        builder.Services.AddDataProtection().PersistKeysToDbContext<DecisionAidDb>().SetApplicationName("DecisionAid");
        Security.SealedDataProtectionKeys.EncryptDataProtectionKeysWithSealKey(builder.Services);
        return builder;
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
        app.Services.GetRequiredService<AidArchive>()
            .PublishAsync(db, app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).GetAwaiter().GetResult();
        return app;
    }

}
