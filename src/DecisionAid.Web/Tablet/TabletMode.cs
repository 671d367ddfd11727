namespace DecisionAid.Web.Tablet;

/// <summary>
/// While a browser holds a live tablet session it reaches only the tablet's screens and the patient's packet or
/// survey (and the pictures, styles and scripts they use): every other address, the clinic pages above all, leads back
/// to /tablet. The clinician leaves tablet mode only with their password at /tablet/unlock.
/// </summary>
public static class TabletMode
{
    private static readonly string[] Open = ["/tablet", "/packet", "/assets", "/content", "/brand", "/css", "/js", "/fonts", "/img", "/favicon.ico", "/favicon.svg"];

    public static IServiceCollection AddTabletMode(this IServiceCollection services) => services.AddScoped<TabletSessions>();

    public static WebApplication UseTabletMode(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            // An error page shown in place of a refused response (re-executed) stays an error page.
            if (!context.Request.Cookies.ContainsKey(TabletSessions.CookieName) || Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
            {
                await next(context);
                return;
            }
            var tablets = context.RequestServices.GetRequiredService<TabletSessions>();
            if (await tablets.CurrentAsync(context) is null)
            {
                await next(context);
                return;
            }
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Redirect("/tablet");
        });
        return app;
    }
}
