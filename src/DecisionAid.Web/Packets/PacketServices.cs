namespace DecisionAid.Web.Packets;

public static class PacketServices
{
    public static IServiceCollection AddPackets(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<PacketLinks>();
        services.AddScoped<SurveyLinks>();
        services.AddScoped<PatientSessions>();
        services.AddSingleton<PacketGroupCommit>();
        services.AddHostedService(provider => provider.GetRequiredService<PacketGroupCommit>());
        return services;
    }
}
