using KbServer.Contact;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Contact;

/// <summary>The sender as the server registers it (<c>AddHelpdeskWebhook</c>), from in-memory configuration.</summary>
internal sealed class WebhookClients : IDisposable
{
    public const string Secret = "test-secret-ünïcode";

    private readonly ServiceProvider services;

    public WebhookClients(string url, IEnumerable<string> allowedHosts, bool allowPrivateNetworks, int timeoutSeconds = 10)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Contact:Webhook:Url"] = url,
            ["Contact:Webhook:Secret"] = Secret,
            ["Contact:Webhook:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false",
            ["Contact:Webhook:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var i = 0;
        foreach (var host in allowedHosts)
        {
            settings[$"Contact:Webhook:AllowedHosts:{i++}"] = host;
        }

        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services = new ServiceCollection().AddLogging().AddHelpdeskWebhook(Configuration).BuildServiceProvider();
    }

    public IConfiguration Configuration { get; }

    public HelpdeskWebhookSender Sender => services.GetRequiredService<HelpdeskWebhookSender>();

    public static ContactRequestPayload Payload(string id = "d3adb33f") => new(
        id,
        "Can't export invoices",
        "The CSV export button does nothing. ✓ unicode",
        "ada@example.com",
        "Ada Lovelace",
        "billing",
        new Dictionary<string, string> { ["zendesk"] = "360001", ["freshdesk"] = "Billing" },
        ["billing/export-invoices", "billing/csv-format"],
        new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));

    public void Dispose() => services.Dispose();
}
