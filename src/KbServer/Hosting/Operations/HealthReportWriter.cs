using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KbServer.Hosting.Operations;

/// <summary>
/// The body of <c>/healthz/live</c> and <c>/healthz/ready</c>: the overall status and, per check, its status and a
/// fixed description. Exceptions and data stay in the log: a probe is often public.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(new
        {
            status = Name(report.Status),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = Name(e.Value.Status), description = e.Value.Description }),
        });
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
