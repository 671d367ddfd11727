using DecisionAid.Core.Content;
using Microsoft.Net.Http.Headers;

namespace DecisionAid.Web.Library;

/// <summary>Languages in URLs: /{lang}/... only for the languages the interface speaks, and "/" sends the reader to theirs.</summary>
public static class LanguageRouting
{
    public static IServiceCollection AddLanguageRouting(this IServiceCollection services) =>
        services.Configure<RouteOptions>(o => o.ConstraintMap["lang"] = typeof(LanguageConstraint));

    public static WebApplication MapLanguageRedirect(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMethods("/", ["GET", "HEAD"], (HttpContext context) =>
        {
            context.Response.Headers.Vary = "Accept-Language";
            return Results.Redirect($"/{Negotiate(context.Request)}/");
        });
        return app;
    }

    /// <summary>The languages this site speaks: its content library's (content/_site/languages.yaml).</summary>
    public static IReadOnlyList<string> Spoken(HttpContext? context) =>
        context?.RequestServices.GetService<DecisionAid.Records.Library.AidLibrary>()?.Content.Languages ?? Languages.Supported;

    /// <summary>The supported language the reader prefers most (Accept-Language, by quality), else English.</summary>
    public static string Negotiate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var spoken = Spoken(request.HttpContext);
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var values)) return "en";
        foreach (var value in values.OrderByDescending(v => v.Quality ?? 1.0))
        {
            if (value.Quality == 0) continue;
            var primary = value.Value.Value?.Split('-')[0].ToLowerInvariant();
            if (primary is not null && spoken.Contains(primary)) return primary;
        }
        return "en";
    }

    /// <summary>The language of a path like "/es/aids/x", or null.</summary>
    public static string? FromPath(string? path, HttpContext? context = null)
    {
        var first = path?.TrimStart('/').Split('/')[0];
        return first is not null && Spoken(context).Contains(first) ? first : null;
    }

    /// <summary>The same path in another language: /en/aids/x -> /es/aids/x.</summary>
    public static string SwitchTo(string path, string language)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rest = FromPath(path) is { } current ? path[(current.Length + 1)..] : "/";
        return $"/{language}{(rest.Length == 0 ? "/" : rest)}";
    }

    private sealed class LanguageConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
            values.TryGetValue(routeKey, out var value) && value is string s && Spoken(httpContext).Contains(s);
    }
}
