using System.Threading.RateLimiting;
using KbServer.Auth;

namespace KbServer.Api;

/// <summary>
/// Request budgets: integrations per token (section <c>RateLimits</c>, key <c>ApiPerMinute</c>), anonymous writes
/// (votes, contact requests) per client address (<c>PublicPerMinute</c>). Over budget: 429 with Retry-After.
/// </summary>
internal static class ApiRateLimits
{
    public const string PerCaller = "per-caller";
    public const string PerVisitor = "per-visitor";

    public static IServiceCollection AddKbRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var apiPerMinute = configuration.GetValue("RateLimits:ApiPerMinute", 600);
        var publicPerMinute = configuration.GetValue("RateLimits:PublicPerMinute", 30);
        return services.AddRateLimiter(options =>
        {
            options.AddPolicy(PerCaller, http => Window(CallerKey(http), apiPerMinute));
            options.AddPolicy(PerVisitor, http => Window("ip:" + http.Connection.RemoteIpAddress, publicPerMinute));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = "60";
                await Results.Problem(statusCode: 429, title: "Too many requests", detail: "Slow down: this caller's budget for the minute is spent. Retry after the time in Retry-After.")
                    .ExecuteAsync(context.HttpContext).ConfigureAwait(false);
            };
        });
    }

    /// <summary>A token is its own budget; a signed-in person theirs; anyone else their address.</summary>
    private static string CallerKey(HttpContext http) =>
        http.User.FindFirst(KbAuthSchemes.TokenIdClaim)?.Value is { } token ? "token:" + token
        : http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } user ? "user:" + user
        : "ip:" + http.Connection.RemoteIpAddress;

    private static RateLimitPartition<string> Window(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
