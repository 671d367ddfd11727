using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DecisionAid.Web.Security;

/// <summary>
/// Behind a TLS proxy or load balancer: trust X-Forwarded-For/-Proto only from the addresses listed in
/// ForwardedHeaders:KnownProxies (comma-separated), so the scheme, client address (rate limits) and links are the
/// real ones. HSTS on HTTPS responses in Production.
/// </summary>
public static class Proxies
{
    public static WebApplicationBuilder AddProxies(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var known = (builder.Configuration["ForwardedHeaders:KnownProxies"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in known)
            {
                if (!IPAddress.TryParse(address, out var ip))
                    throw new InvalidOperationException($"ForwardedHeaders:KnownProxies holds '{address}', which is not an IP address");
                o.KnownProxies.Add(ip);
            }
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    public static WebApplication UseProxies(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }
}
