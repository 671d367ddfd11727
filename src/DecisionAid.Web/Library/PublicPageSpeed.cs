using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace DecisionAid.Web.Library;

/// <summary>Brotli/gzip for text, and for the public pages (pure renderings of immutable content) an output cache and
/// their compressed bytes kept (<see cref="PrecompressedPages"/>).</summary>
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
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "font/ttf"]); // TrueType halves
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<PrecompressedPages>();
        services.AddOutputCache(o => o.AddPolicy(PublicPagePolicy, p => p.Expire(TimeSpan.FromMinutes(10)).SetVaryByQuery("q").SetVaryByRouteValue("lang", "id", "slug")));
        return services;
    }

    /// <summary>Public pages already kept compressed are sent before routing; then routing, a public page not kept yet
    /// is kept, and compression. The output cache goes after authentication (see Program), so it can tell who asks.</summary>
    public static WebApplication UseKeptPagesRoutingAndCompression(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var pages = app.Services.GetRequiredService<PrecompressedPages>();
        app.Use(pages.ServeKeptAsync);
        app.UseRouting();
        app.Use(pages.KeepAsync);
        app.UseResponseCompression();
        return app;
    }

    /// <summary>The tag of every cached page shown under a practice's brand, to drop them when the brand changes.</summary>
    public static string BrandTag(string slug) => $"brand:{slug}";

    /// <summary>Drops every copy of a practice's branded pages: the output cache's, and the compressed ones kept.</summary>
    public static async Task EvictBrandAsync(this IServiceProvider services, string slug, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().EvictByTagAsync(BrandTag(slug), cancel);
        services.GetRequiredService<PrecompressedPages>().Clear();
    }
}
