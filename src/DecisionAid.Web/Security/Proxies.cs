using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DecisionAid.Web.Security;

/// <summary>
/// Behind a TLS proxy or load balancer: trust X-Forwarded-For/-Proto only from the addresses listed in
/// ForwardedHeaders:KnownProxies (comma-separated), so the scheme, client address (rate limits) and links are the
/// real ones. With none listed, the headers are ignored: ASP.NET Core trusts every sender when both of its lists
/// are empty, which would let any client pick a new address per request and dodge every per-address limit.
/// HSTS on HTTPS responses in Production.
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
        builder.Services.AddSingleton(new TrustedProxies(known.Length > 0));
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    public static WebApplication UseProxies(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<TrustedProxies>().Any) app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        return app;
    }
}

/// <summary>Whether any proxy is trusted to forward the client's address and scheme.</summary>
internal sealed record TrustedProxies(bool Any);
