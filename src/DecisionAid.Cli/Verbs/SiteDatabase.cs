using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace DecisionAid.Cli.Verbs;

/// <summary>
/// The site's database and seal key, found as the site finds them: environment variables (Storage__Provider,
/// Storage__DataFolder, ConnectionStrings__DecisionAid, Consent__SealKey), which --data and --postgres override.
/// --seal-key-file overrides Consent__SealKey; without either, the Development key file (seal.key) in the data folder is used if there is one.
/// </summary>
internal sealed class SiteDatabase
{
    private readonly Option<string?> _data = new("--data") { Description = "The site's data folder (SQLite), e.g. src/DecisionAid.Web/data" };
    private readonly Option<string?> _postgres = new("--postgres") { Description = "A PostgreSQL connection string, instead of SQLite" };
    private readonly Option<string?> _keyFile = new("--seal-key-file") { Description = "A file holding the seal key (base64), instead of Consent__SealKey" };

    public void AddTo(Command command)
    {
        command.Options.Add(_data);
        command.Options.Add(_postgres);
        command.Options.Add(_keyFile);
    }

    public (DecisionAidDb Db, SealKey Key) Open(ParseResult parsed, TextWriter error)
    {
        var (config, root) = Configuration(parsed);
        var db = Storage.Open(config, root); // first: "no database here" is the likelier mistake
        try
        {
            return (db, Key(config, root, error));
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>The seal key as the site finds it; without one, a Development site's key file beside its data, said on stderr.</summary>
    public SealKey Key(ParseResult parsed, TextWriter error)
    {
        var (config, root) = Configuration(parsed);
        return Key(config, root, error);
    }

    private static SealKey Key(IConfiguration config, string root, TextWriter error)
    {
        var folder = Storage.DataFolder(config, root);
        var devKey = Path.Combine(folder, SealKey.DevelopmentFile);
        if (config[SealKey.Setting] is not { Length: > 0 } && File.Exists(devKey))
        {
            // A Development site keeps its key beside its data; the operator's tool may use it, and says so.
            error.WriteLine($"pda: using the Development seal key in {devKey}");
            config = new ConfigurationBuilder().AddConfiguration(config).AddInMemoryCollection(new Dictionary<string, string?> { [SealKey.Setting] = File.ReadAllText(devKey).Trim() }).Build();
        }
        return SealKey.From(config, folder, development: false);
    }

    /// <summary>Where the database is: the SQLite file (which may not exist yet), or the PostgreSQL connection string.</summary>
    public (string Provider, string Target) Location(ParseResult parsed)
    {
        var (config, root) = Configuration(parsed);
        return (config["Storage:Provider"] ?? Storage.Sqlite) switch
        {
            Storage.Sqlite => (Storage.Sqlite, Path.Combine(Storage.DataFolder(config, root), "decisionaid.db")),
            Storage.Postgres => (Storage.Postgres, Storage.GivenPostgresConnection(config)),
            var other => throw new InvalidOperationException($"Storage:Provider must be '{Storage.Sqlite}' or '{Storage.Postgres}', not '{other}'"),
        };
    }

    /// <summary>The database alone, brought to the newest migration (made when there is none): for verbs that seal nothing.</summary>
    public async Task<DecisionAidDb> OpenMigratedAsync(ParseResult parsed, CancellationToken cancel)
    {
        var (config, root) = Configuration(parsed);
        var db = Storage.Open(config, root, create: true);
        await db.Database.MigrateAsync(cancel);
        return db;
    }

    private (IConfiguration Config, string Root) Configuration(ParseResult parsed)
    {
        var overrides = new Dictionary<string, string?>();
        if (parsed.GetValue(_data) is { } data) overrides["Storage:DataFolder"] = data;
        if (parsed.GetValue(_postgres) is { } pg)
        {
            overrides["Storage:Provider"] = Storage.Postgres;
            overrides["ConnectionStrings:DecisionAid"] = pg;
        }
        if (parsed.GetValue(_keyFile) is { } file)
        {
            if (!File.Exists(file)) throw new InvalidOperationException($"no seal key file at {file}");
            overrides["Consent:SealKey"] = File.ReadAllText(file).Trim();
        }
        return (new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(overrides).Build(), Directory.GetCurrentDirectory());
    }
}
