using System.Net;

namespace KbServer.Hosting.Operations;

/// <summary>
/// Who may scrape <c>/metrics</c> (<c>Telemetry:MetricsAllowFrom</c>): by default loopback only, like
/// <c>Health:Details</c>; else a comma-separated list of addresses and networks (<c>10.0.0.0/8, ::1</c>), or
/// <c>*</c> for anyone. Except with <c>*</c>, a request that came through a proxy (forwarding headers) is refused:
/// a reverse proxy on the same host would otherwise let the internet in as loopback.
/// </summary>
internal sealed class MetricsAccess
{
    private readonly bool _anyone;
    private readonly IPNetwork[] _networks;

    private MetricsAccess(bool anyone, IPNetwork[] networks) => (_anyone, _networks) = (anyone, networks);

    public static MetricsAccess Parse(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return new MetricsAccess(false, [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")]);
        }

        if (setting.Trim() == "*")
        {
            return new MetricsAccess(true, []);
        }

        var networks = new List<IPNetwork>();
        foreach (var entry in setting.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                throw new InvalidOperationException($"Telemetry:MetricsAllowFrom: `{entry}` is not an address or a network such as 10.0.0.0/8; use `*` to allow anyone.");
            }
        }

        return new MetricsAccess(false, [.. networks]);
    }

    public bool Allows(HttpContext context)
    {
        if (_anyone)
        {
            return true;
        }

        if (ProxiedRequests.CameThroughProxy(context))
        {
            return false;
        }

        var remote = context.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return false;
        }

        remote = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return _networks.Any(n => n.Contains(remote));
    }
}
