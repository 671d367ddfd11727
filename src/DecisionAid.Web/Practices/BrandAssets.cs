using System.Text;
using Microsoft.EntityFrameworkCore;

namespace DecisionAid.Web.Practices;

/// <summary>
/// A practice's accent colour as a tiny stylesheet (the site allows no inline styles), and its logo. SVG logos
/// are served with a sandboxing policy of their own, on top of the cleaning they had on upload.
/// </summary>
public static class BrandAssets
{
    public static string StylesheetUrl(Practice practice)
    {
        ArgumentNullException.ThrowIfNull(practice);
        return $"/brand/{practice.Slug}.css?v={practice.AccentColour.TrimStart('#')}";
    }

    public static WebApplication MapBrandAssets(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/brand/{slug}.css", async (string slug, DecisionAidDb db, HttpContext context) =>
        {
            var practice = await db.Practices.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug);
            if (practice is null || BrandRules.ColourProblem(practice.AccentColour) is not null) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text($":root {{ --accent: {practice.AccentColour}; }}\n", "text/css", Encoding.UTF8);
        });
        app.MapGet("/brand/{slug}/logo", async (string slug, DecisionAidDb db, HttpContext context) =>
        {
            var practice = await db.Practices.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug);
            if (practice?.Logo is null || practice.LogoContentType is null) return Results.NotFound();
            context.Response.Headers.CacheControl = "public, max-age=300";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
            return Results.Bytes(practice.Logo, practice.LogoContentType);
        });
        return app;
    }
}
