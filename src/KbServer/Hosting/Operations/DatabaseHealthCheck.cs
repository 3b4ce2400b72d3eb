using KbCore.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KbServer.Hosting.Operations;

/// <summary>Ready only if the database answers a query on one of our tables: reachable and migrated.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<KbDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await db.ChangeRequests.AsNoTracking().AnyAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            // The exception is logged by the health check service; its text (hosts, files) stays out of the response.
            return HealthCheckResult.Unhealthy("The database does not answer: sign-in, votes, search logs and change requests fail.", e);
        }
    }
}
