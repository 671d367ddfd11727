using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DecisionAid.Core.Content;
using DecisionAid.Core.Standards;
using DecisionAid.Rendering;
using DecisionAid.Rendering.Pdf;
using DecisionAid.Web.Library;

namespace DecisionAid.Web.Aids;

/// <summary>
/// Each aid version's standards dossier, public like the aid itself: /aids/{id}/dossier (HTML) and /aids/{id}/dossier.pdf.
/// Without ?hash= it is the current version's; with the content hash a consent record keeps, that exact version's.
/// A version's dossier never changes, so each is built once and kept.
/// </summary>
public static class DossierEndpoints
{
    public static string Url(string aidId) => $"/aids/{aidId}/dossier";

    private static readonly ConcurrentDictionary<(string Hash, bool Pdf), Lazy<Task<(byte[] Bytes, string? Policy)>>> Built = new();

    public static WebApplication MapDossiers(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/aids/{id}/dossier", (string id, string? hash, HttpContext context, AidLibrary library, AidArchive archive, DecisionAidDb db, AidRenderer renderer) =>
            ServeAsync(context, id, hash, pdf: false, library, archive, db, renderer));
        app.MapGet("/aids/{id}/dossier.pdf", (string id, string? hash, HttpContext context, AidLibrary library, AidArchive archive, DecisionAidDb db, AidRenderer renderer) =>
            ServeAsync(context, id, hash, pdf: true, library, archive, db, renderer));
        return app;
    }

    private static async Task<IResult> ServeAsync(HttpContext context, string id, string? hash, bool pdf,
        AidLibrary library, AidArchive archive, DecisionAidDb db, AidRenderer renderer)
    {
        if (hash is not null && (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower)))
            return Results.BadRequest("hash must be an aid version's content hash: 64 lowercase hexadecimal characters.");
        Aid? aid = hash is null ? library.Find(id) : await archive.FindAsync(db, id, hash, context.RequestAborted);
        if (aid is null) return Results.NotFound();
        var etag = $"\"dossier-{aid.ContentHash[..16]}\"";
        context.Response.Headers.ETag = etag;
        // The current version's address may move to a newer version; a hashed address never does.
        context.Response.Headers.CacheControl = hash is null ? "public, max-age=300" : "public, max-age=31536000, immutable";
        if (ETags.Matches(context.Request, etag)) return Results.StatusCode(StatusCodes.Status304NotModified);
        var (bytes, policy) = await Built.GetOrAdd((aid.ContentHash, pdf), _ => new Lazy<Task<(byte[], string?)>>(() => BuildAsync(aid, pdf, renderer))).Value;
        if (policy is not null) context.Response.Headers.ContentSecurityPolicy = policy;
        return pdf
            ? Results.File(bytes, "application/pdf", $"{aid.Id}-{aid.Version}-dossier.pdf")
            : Results.Bytes(bytes, "text/html; charset=utf-8");
    }

    private static async Task<(byte[] Bytes, string? Policy)> BuildAsync(Aid aid, bool pdf, AidRenderer renderer)
    {
        var dossier = Dossier.Build(aid);
        if (pdf) return (DossierPdf.Render(dossier), null);
        var html = await renderer.RenderDossierAsync(dossier);
        return (Encoding.UTF8.GetBytes(html), Policy(html));
    }

    /// <summary>
    /// The dossier is one self-contained file (its styles and the font for its Chinese quotes inside), so the site's
    /// policy of styles from this site only is relaxed for exactly its own style block, by hash, and nothing else.
    /// </summary>
    private static string Policy(string html)
    {
        var start = html.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length;
        var style = html[start..html.IndexOf("</style>", start, StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        return $"default-src 'none'; style-src 'sha256-{hash}'; font-src data:; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }
}
