namespace DecisionAid.Web.Library;

public static class HealthEndpoint
{
    /// <summary>
    /// /healthz: 200 while the content library is loaded and the database answers; 503 when this node cannot reach its
    /// database, so a load balancer sends patients to a node that can (docs/deployment.md).
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz", async (AidLibrary library, DecisionAidDb db, HttpContext context) =>
        {
            if (library.Aids.Count == 0) return Results.Problem("no aids loaded", statusCode: StatusCodes.Status503ServiceUnavailable);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            bool reachable;
            try
            {
                reachable = await db.Database.CanConnectAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                reachable = false; // a database that does not answer within 5 s counts as unreachable
            }
            return reachable
                ? Results.Text($"ok: {library.Aids.Count} aid(s), version {library.Version}")
                : Results.Problem("this node cannot reach its database", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
