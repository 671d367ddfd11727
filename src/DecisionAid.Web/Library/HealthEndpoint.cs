namespace DecisionAid.Web.Library;

public static class HealthEndpoint
{
    /// <summary>/healthz answers 200 once the content library is loaded (the site does not start without it).</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", (AidLibrary library) => library.Aids.Count > 0
            ? Results.Text($"ok: {library.Aids.Count} aid(s), version {library.Version}")
            : Results.Problem("no aids loaded", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }
}
