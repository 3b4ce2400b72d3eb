using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace KbServer.Contact;

/// <summary>
/// Keeps the helpdesk webhook on its allow-list and off private networks. The URL is checked when options are
/// validated and before each send; addresses are checked in <see cref="ConnectAsync"/>, on the addresses actually
/// connected to, so a name that resolves differently later (DNS rebinding) cannot slip past a check made earlier.
/// </summary>
internal sealed class WebhookDestinationGuard(IOptionsMonitor<HelpdeskWebhookOptions> options)
{
    private static readonly IdnMapping Idn = new();

    /// <summary>
    /// The form hosts are compared in: IP literals canonical (<c>0x7f000001</c> and <c>127.1</c> are 127.0.0.1,
    /// IPv6 without brackets), names in lower-case punycode without a trailing dot.
    /// </summary>
    public static string NormalizeHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var trimmed = host.Trim().TrimEnd('.');
        if (trimmed is ['[', .. var inner, ']'])
        {
            trimmed = inner;
        }

        if (IPAddress.TryParse(trimmed, out var address))
        {
            return address.ToString();
        }

        try
        {
            return Idn.GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // Not a valid IDN label: compared as written, so it matches nothing unless listed exactly so.
            return trimmed.ToLowerInvariant();
        }
    }

    /// <summary>What kind of non-public address this is ("a loopback address"), or null for a public one.</summary>
    public static string? Classify(IPAddress address) => RestrictedNetworks.Describe(address);

    /// <summary>Why the configured URL may not be used, or null when it may (or when no webhook is configured).</summary>
    public static string? CheckUrl(HelpdeskWebhookOptions webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        if (!webhook.Enabled)
        {
            return null;
        }

        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return "Contact:Webhook:Url must be an absolute http or https URL";
        }

        if (url.UserInfo.Length > 0)
        {
            return "Contact:Webhook:Url must not contain a user name or password (requests are signed with Contact:Webhook:Secret)";
        }

        // IdnHost, not Host: Uri canonicalizes IPv4 spellings in both, but only IdnHost maps Unicode look-alikes.
        var host = NormalizeHost(url.IdnHost);
        if (!IsAllowed(webhook, host))
        {
            var allowed = webhook.AllowedHosts.Count == 0 ? "it is empty" : "it lists " + string.Join(", ", webhook.AllowedHosts);
            return $"Contact:Webhook:Url points at {host}, which is not on Contact:Webhook:AllowedHosts ({allowed})";
        }

        return IPAddress.TryParse(host, out var literal) ? Refusal(webhook, literal, host) : null;
    }

    /// <summary>
    /// The <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host itself and connects to exactly the
    /// addresses it checked.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var webhook = options.CurrentValue;
        var host = NormalizeHost(context.DnsEndPoint.Host);
        if (!IsAllowed(webhook, host))
        {
            throw new WebhookDestinationRefusedException($"destination {host} is not on Contact:Webhook:AllowedHosts");
        }

        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);

        // Every address must pass, not just the one tried first: a name with a private record among public ones is
        // a misconfiguration or an attack, and which record the resolver lists first is not ours to rely on.
        foreach (var address in addresses)
        {
            if (Refusal(webhook, address, host) is { } refusal)
            {
                throw new WebhookDestinationRefusedException(refusal);
            }
        }

        return await ConnectToAnyAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsAllowed(HelpdeskWebhookOptions webhook, string normalizedHost) =>
        webhook.AllowedHosts.Any(allowed => string.Equals(NormalizeHost(allowed), normalizedHost, StringComparison.Ordinal));

    private static string? Refusal(HelpdeskWebhookOptions webhook, IPAddress address, string host)
    {
        if (webhook.AllowPrivateNetworks || Classify(address) is not { } kind)
        {
            return null;
        }

        var what = host == address.ToString() ? $"destination {address} is" : $"destination {host} resolves to {address}, which is";
        return $"{what} {kind}; set Contact:Webhook:AllowPrivateNetworks to allow private networks";
    }

    private static async Task<Stream> ConnectToAnyAsync(IPAddress[] addresses, int port, CancellationToken cancellationToken)
    {
        SocketException? last = null;
        foreach (var address in addresses)
        {
            // A mapped address is the IPv4 host it carries (checked as such); connecting over IPv4 also works where
            // IPv6 is disabled.
            var target = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(target, port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}
