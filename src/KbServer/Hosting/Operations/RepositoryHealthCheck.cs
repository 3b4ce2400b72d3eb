using KbCore.Content;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KbServer.Hosting.Operations;

/// <summary>Ready only if the content repository opens and its published branch has a commit.</summary>
internal sealed class RepositoryHealthCheck(ContentRepository repository) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var repo = repository.Open();
            return Task.FromResult(repo.Branches[repository.Branch]?.Tip is null
                ? HealthCheckResult.Unhealthy("The content repository has no published branch.")
                : HealthCheckResult.Healthy("The content repository is readable."));
        }
        catch (Exception e) when (e is LibGit2Sharp.LibGit2SharpException or IOException or UnauthorizedAccessException or ContentRepositoryNotFoundException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The content repository cannot be read.", e));
        }
    }
}
