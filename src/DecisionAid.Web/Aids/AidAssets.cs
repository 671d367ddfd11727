using System.Security.Cryptography;
using System.Text;
using DecisionAid.Rendering;
using DecisionAid.Web.Library;
using Microsoft.Net.Http.Headers;

namespace DecisionAid.Web.Aids;

/// <summary>The aid stylesheet and the step pictures, served from memory with validators and long caching.</summary>
public static class AidAssets
{
    public const string StylesheetPath = "/assets/aid.css";
    private static readonly byte[] StylesheetBytes = Encoding.UTF8.GetBytes(Stylesheet.Text);
    private static readonly string StylesheetTag = $"\"{Convert.ToHexStringLower(SHA256.HashData(StylesheetBytes))[..16]}\"";

    /// <summary>The URL of a step picture; the content hash in the query makes it safe to cache for a long time.</summary>
    public static string PictureUrl(AidLibrary library, string aidId, string picture) =>
        $"/content/{aidId}/{picture}?v={library.Find(aidId)?.ContentHash[..12]}";

    public static string StylesheetUrl => $"{StylesheetPath}?v={StylesheetTag.Trim('"')}";

    public static WebApplication MapAidAssets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(StylesheetPath, (HttpContext context) => Serve(context, StylesheetBytes, "text/css; charset=utf-8", StylesheetTag));
        app.MapGet(CjkFont.StylesheetPath, (HttpContext context, CjkFont fonts) =>
            Serve(context, System.Text.Encoding.UTF8.GetBytes(fonts.Stylesheet), "text/css; charset=utf-8", fonts.Tag));
        app.MapGet("/assets/cjk.ttf", (HttpContext context, CjkFont fonts) =>
            fonts.Font is { } font ? Serve(context, font, "font/ttf", fonts.Tag) : Results.NotFound());
        app.MapGet("/assets/cjk-names.ttf", (HttpContext context, CjkFont fonts) =>
            fonts.NamesFont is { } font ? Serve(context, font, "font/ttf", fonts.Tag) : Results.NotFound());
        app.MapGet("/content/{aid}/{**picture}", (HttpContext context, AidLibrary library, string aid, string picture) =>
        {
            if (library.Find(aid) is not { } found || !found.Pictures.TryGetValue(picture, out var svg)) return Results.NotFound();
            return Serve(context, Encoding.UTF8.GetBytes(svg), "image/svg+xml", $"\"{found.ContentHash[..16]}\"");
        });
        return app;
    }

    private static IResult Serve(HttpContext context, byte[] body, string contentType, string etag)
    {
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = "public, max-age=31536000, immutable";
        if (ETags.Matches(context.Request, etag))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(body, contentType);
    }
}
