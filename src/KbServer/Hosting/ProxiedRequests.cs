namespace KbServer.Hosting;

/// <summary>
/// Whether a request reached us through a proxy. A reverse proxy on the same host connects from loopback, so
/// "from loopback" alone would let the internet in wherever loopback is trusted (health details, metrics).
/// </summary>
internal static class ProxiedRequests
{
    public static bool CameThroughProxy(HttpContext context) =>
        context.Request.Headers.ContainsKey("X-Forwarded-For") || context.Request.Headers.ContainsKey("Forwarded");
}
