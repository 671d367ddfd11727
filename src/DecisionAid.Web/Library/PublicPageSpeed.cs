using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace DecisionAid.Web.Library;

/// <summary>Brotli/gzip for text, and an output cache for the public pages (pure renderings of immutable content).</summary>
public static class PublicPageSpeed
{
    public const string PublicPagePolicy = "public-page";

    public static IServiceCollection AddPublicPageSpeed(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // public pages hold no secrets, so compression cannot leak one
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddOutputCache(o => o.AddPolicy(PublicPagePolicy, p => p.Expire(TimeSpan.FromMinutes(10)).SetVaryByQuery("q").SetVaryByRouteValue("lang", "id", "slug")));
        return services;
    }

    /// <summary>Compression goes first; the output cache goes after authentication (see Program), so it can tell who asks.</summary>
    public static WebApplication UseCompression(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseResponseCompression();
        return app;
    }

    /// <summary>The tag of every cached page shown under a practice's brand, to drop them when the brand changes.</summary>
    public static string BrandTag(string slug) => $"brand:{slug}";
}
