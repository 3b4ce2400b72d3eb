using System.Net;

namespace KbServer.Contact;

/// <summary>
/// Address ranges a webhook must not reach unless private networks are allowed: everything that is not plainly a
/// public unicast address (RFC 6890 special-purpose registries, plus multicast and broadcast).
/// </summary>
internal static class RestrictedNetworks
{
    private static readonly (IPNetwork Network, string Kind)[] Ranges =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified (\"this network\") address"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private address"),
        (IPNetwork.Parse("100.64.0.0/10"), "a shared (CGNAT) address"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local address"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private address"),
        (IPNetwork.Parse("192.0.0.0/24"), "a reserved address"),
        (IPNetwork.Parse("192.0.2.0/24"), "a documentation address"),
        (IPNetwork.Parse("192.88.99.0/24"), "a reserved address"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private address"),
        (IPNetwork.Parse("198.18.0.0/15"), "a reserved (benchmarking) address"),
        (IPNetwork.Parse("198.51.100.0/24"), "a documentation address"),
        (IPNetwork.Parse("203.0.113.0/24"), "a documentation address"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        (IPNetwork.Parse("255.255.255.255/32"), "a broadcast address"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved address"),
        (IPNetwork.Parse("::/128"), "an unspecified address"),
        (IPNetwork.Parse("::1/128"), "a loopback address"),
        // IPv4-compatible (deprecated): some stacks still route ::127.0.0.1 to the IPv4 address.
        (IPNetwork.Parse("::/96"), "a reserved address"),
        (IPNetwork.Parse("64:ff9b:1::/48"), "a private (local NAT64) address"),
        (IPNetwork.Parse("100::/64"), "a reserved (discard) address"),
        (IPNetwork.Parse("2001::/32"), "a reserved (Teredo) address"),
        (IPNetwork.Parse("2001:db8::/32"), "a documentation address"),
        (IPNetwork.Parse("fc00::/7"), "a unique local address"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address"),
        (IPNetwork.Parse("fec0::/10"), "a site-local address"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>What kind of restricted address this is ("a loopback address"), or null for a public one.</summary>
    public static string? Describe(IPAddress address)
    {
        // Addresses that carry an IPv4 address are as restricted as the address they carry: ::ffff:127.0.0.1 is
        // loopback, and a NAT64 or 6to4 gateway would forward 64:ff9b::a00:1 or 2002:a00:1:: into 10.0.0.1.
        if (EmbeddedIPv4(address) is { } inner)
        {
            return Describe(inner);
        }

        foreach (var (range, kind) in Ranges)
        {
            if (range.Contains(address))
            {
                return kind;
            }
        }

        return null;
    }

    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        if (Nat64.Contains(address))
        {
            return new IPAddress(address.GetAddressBytes().AsSpan(12, 4));
        }

        return SixToFour.Contains(address) ? new IPAddress(address.GetAddressBytes().AsSpan(2, 4)) : null;
    }
}
