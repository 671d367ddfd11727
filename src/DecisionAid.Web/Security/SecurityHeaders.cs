namespace DecisionAid.Web.Security;

public static class SecurityHeaders
{
    /// <summary>
    /// Scripts and styles only from this site (no inline script at all, so no nonce is needed and pages stay
    /// cacheable whole), no plugins, no framing, no referrer, no MIME sniffing: on every response.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // Pages with patient or practice data are never kept by browsers or proxies.
            var path = context.Request.Path;
            if (path.StartsWithSegments("/clinic") || path.StartsWithSegments("/packet") || path.StartsWithSegments("/p") || path.StartsWithSegments("/api")
                || path.StartsWithSegments("/s") || path.StartsWithSegments("/tablet") || path.StartsWithSegments("/fhir"))
                headers.CacheControl = "no-store";
            return next(context);
        });
        return app;
    }
}
