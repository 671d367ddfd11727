using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace DecisionAid.Web.Tests;

/// <summary>The real site in-process, on the shipped content unless a test points it elsewhere.</summary>
public sealed class SiteFactory : WebApplicationFactory<Program>
{
    private readonly string? _contentPath;
    private readonly Dictionary<string, string> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;

    /// <summary>Every log line the site writes, as the configured filters let through.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Logs { get; } = new();

    /// <param name="contentPath">A content library other than the shipped one.</param>
    /// <param name="settings">Configuration for this site, e.g. Storage:Provider; by default a fresh SQLite file.</param>
    /// <param name="services">Services to add or replace, e.g. a library class that counts its calls.</param>
    public SiteFactory(string? contentPath = null, Dictionary<string, string>? settings = null, string environment = "Production", Action<IServiceCollection>? services = null)
    {
        _services = services;
        _environment = environment;
        _contentPath = contentPath;
        _settings = settings ?? [];
        if (!_settings.ContainsKey("Storage:Provider")) _settings["Storage:DataFolder"] = DataFolder = TestFolders.NewTemp("pda-data");
        _settings.TryAdd("Consent:SealKey", SealKey);
    }

    public const string SealKey = TestSealKey.Base64;

    /// <summary>Where the site's SQLite file lives, when it uses SQLite.</summary>
    public string? DataFolder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
        if (_contentPath is not null) builder.UseSetting("Content:Path", _contentPath);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_services is not null) Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, _services);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (disposing && DataFolder is not null && Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
    }

    /// <summary>A client that does not follow redirects, so tests see each response as it is.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}

/// <summary>Keeps the text of every log message, with its category, so tests can search what the site logs.</summary>
internal sealed class CapturingLoggerProvider(System.Collections.Concurrent.ConcurrentQueue<string> lines) : Microsoft.Extensions.Logging.ILoggerProvider
{
    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
