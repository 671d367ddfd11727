using DecisionAid.Rendering;
using DecisionAid.Web.Fhir;
using DecisionAid.Web.Packets;

namespace DecisionAid.Web.Consent;

public static class ConsentServices
{
    /// <summary>The seal key (checked at start, so a missing key stops the site rather than the first signature), the steps and the audit trail.</summary>
    public static WebApplicationBuilder AddConsent(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var key = SealKey.From(builder.Configuration, Storage.DataFolder(builder.Configuration, builder.Environment.ContentRootPath), builder.Environment.IsDevelopment());
        builder.Services.AddSingleton(key);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AidRenderer>();
        builder.Services.AddScoped<PacketContent>();
        builder.Services.AddSingleton<RenderedPackets>();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<ConsentSteps>();
        builder.Services.AddScoped<ConsentFhir>();
        return builder;
    }
}
