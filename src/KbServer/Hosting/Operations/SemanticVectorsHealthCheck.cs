using KbCore.Search.Semantic;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KbServer.Hosting.Operations;

/// <summary>
/// Never unhealthy: semantic ranking only adds to lexical search, so a node whose vectors are building (minutes on
/// a first start) or whose model could not load still serves. Degraded says so; the ready endpoint answers 200.
/// </summary>
internal sealed class SemanticVectorsHealthCheck(SemanticIndex semantic) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var progress = semantic.Progress;
        var result = progress.State switch
        {
            "ready" => HealthCheckResult.Healthy("Semantic vectors are ready."),
            "off" when progress.Warning is null => HealthCheckResult.Healthy("Semantic ranking is turned off (Search:Semantic:Enabled)."),
            "off" => HealthCheckResult.Degraded("Semantic ranking is unavailable (see the log); search ranks by words only."),
            _ => HealthCheckResult.Degraded($"Semantic vectors are being built ({progress.Percent}%); search ranks by words meanwhile."),
        };
        return Task.FromResult(result);
    }
}
