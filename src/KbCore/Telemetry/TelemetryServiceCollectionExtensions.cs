using Microsoft.Extensions.DependencyInjection;

namespace KbCore.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Searches and writes record into it; only an exporter (docs/operations.md) makes the records go anywhere.</summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<KbMetrics>();
        return services;
    }
}
