using DecisionAid.Core.Checks;
using DecisionAid.Core.Loading;

namespace DecisionAid.Web.Library;

public static class AidLibraryStartup
{
    /// <summary>
    /// Loads and checks the content library before the site starts. Any error stops start-up with every finding
    /// listed, so a broken aid is never shown to a patient; warnings are logged.
    /// </summary>
    public static WebApplicationBuilder AddAidLibrary(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var path = ResolvePath(builder.Configuration["Content:Path"], builder.Environment.ContentRootPath);
        var library = ContentLibrary.Load(path);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var findings = AidChecker.Check(library, today).Concat(DecisionAid.Rendering.Text.SiteTexts.Check(path, path)).ToList();
        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        if (errors.Count > 0)
            throw new ContentLibraryException(
                $"The content library at {path} has {errors.Count} error(s); the site will not start until they are fixed:{Environment.NewLine}"
                + string.Join(Environment.NewLine, errors));
        builder.Services.AddSingleton(new AidLibrary(library, [.. findings.Where(f => f.Severity == Severity.Warning)]));
        builder.Services.AddSingleton<AidArchive>();
        builder.Services.AddSingleton<DecisionAid.Web.Aids.CjkFont>();
        return builder;
    }

    /// <summary>The configured folder, else the nearest "content" folder at or above the app (repository or publish output).</summary>
    internal static string ResolvePath(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured, contentRoot);
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content");
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "aid.yaml", SearchOption.AllDirectories).Any()) return candidate;
        }
        return Path.Combine(contentRoot, "content");
    }

    /// <summary>Prints where the site listens once it does, and any content warnings.</summary>
    public static WebApplication AnnounceUrls(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var library = app.Services.GetRequiredService<AidLibrary>();
            foreach (var warning in library.Warnings) Console.WriteLine($"content warning: {warning}");
            foreach (var url in app.Urls) Console.WriteLine($"DecisionAid is running: open {url}/ ({library.Aids.Count} aid(s) loaded; Ctrl+C stops it)");
        });
        return app;
    }
}
