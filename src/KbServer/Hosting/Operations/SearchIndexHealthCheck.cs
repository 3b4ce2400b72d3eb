using KbCore.Content;
using KbCore.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KbServer.Hosting.Operations;

/// <summary>
/// Unhealthy until the first index is built (search answers nothing), degraded while it catches up with a newer
/// commit (search answers from the previous one: the node stays in rotation), healthy at the published commit.
/// </summary>
internal sealed class SearchIndexHealthCheck(SearchIndex index, ContentStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var progress = index.Progress;
        var result = progress.Commit is null
            ? HealthCheckResult.Unhealthy($"The search index is being built ({progress.Percent}%).")
            : progress.Commit != store.Current.CommitSha
                ? HealthCheckResult.Degraded($"The search index is catching up with the published commit ({progress.State}); search answers from the previous one.")
                : HealthCheckResult.Healthy("The search index is at the published commit.");
        return Task.FromResult(result);
    }
}
