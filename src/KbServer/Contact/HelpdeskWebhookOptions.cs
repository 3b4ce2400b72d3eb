namespace KbServer.Contact;

/// <summary>
/// Where contact requests go (section <c>Contact:Webhook</c>). Without <see cref="Url"/> requests are only stored
/// for the team to read in the studio.
/// </summary>
public sealed class HelpdeskWebhookOptions
{
    public const string Section = "Contact:Webhook";

    /// <summary>Absolute http or https URL of the helpdesk endpoint; empty: no webhook.</summary>
    public string? Url { get; set; }

    /// <summary>HMAC-SHA256 key for <c>X-Kb-Signature</c>; required with <see cref="Url"/>.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Host names or IP literals the URL may point at. An allow-list rather than a block-list: a typo or a
    /// compromised setting cannot turn the server into a proxy for arbitrary hosts.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>
    /// Allow loopback, private, link-local and other non-public addresses (an on-premises helpdesk). Off by default:
    /// a name on the allow-list could otherwise be pointed at the server's own network by whoever controls its DNS.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts before a request is marked failed (used by the delivery queue).</summary>
    public int MaxAttempts { get; set; } = 5;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>
    /// Whether requests go to the helpdesk now. A configuration reload with invalid settings makes the monitor throw;
    /// requests are then kept for the team (the delivery loop logs the problem) rather than lost to a 500.
    /// </summary>
    public static bool IsOn(Microsoft.Extensions.Options.IOptionsMonitor<HelpdeskWebhookOptions> monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        try
        {
            return monitor.CurrentValue.Enabled;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException)
        {
            return false;
        }
    }
}
