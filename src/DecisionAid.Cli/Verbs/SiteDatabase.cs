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
        var folder = Storage.DataFolder(config, root);
        var devKey = Path.Combine(folder, SealKey.DevelopmentFile);
        if (config[SealKey.Setting] is not { Length: > 0 } && File.Exists(devKey))
        {
            // A Development site keeps its key beside its data; the operator's tool may use it, and says so.
            error.WriteLine($"pda: using the Development seal key in {devKey}");
            config = new ConfigurationBuilder().AddConfiguration(config).AddInMemoryCollection(new Dictionary<string, string?> { [SealKey.Setting] = File.ReadAllText(devKey).Trim() }).Build();
        }
        try
        {
            return (db, SealKey.From(config, folder, development: false));
        }
        catch
        {
            db.Dispose();
            throw;
        }
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
