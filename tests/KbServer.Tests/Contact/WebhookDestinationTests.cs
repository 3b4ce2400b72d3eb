using KbServer.Contact;
using Microsoft.Extensions.Configuration;

namespace KbServer.Tests.Contact;

/// <summary>
/// The webhook reaches only its allow-list, and never loopback or private addresses unless allowed, however the
/// host is spelled. Each case points at a live receiver, so a guard that let the request through would be seen.
/// </summary>
public sealed class WebhookDestinationTests
{
    [Fact]
    public async Task PrivateNetworksNotAllowed_LoopbackOnAllowList_RefusedAndNothingArrives()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var clients = new WebhookClients($"http://127.0.0.1:{receiver.Port}/hook", ["127.0.0.1"], allowPrivateNetworks: false);

        var result = await clients.Sender.SendAsync(WebhookClients.Payload(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.False(result.Retryable);
        Assert.Contains("destination 127.0.0.1 is a loopback address; set Contact:Webhook:AllowPrivateNetworks", result.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Theory]
    [InlineData("127.1", "127.0.0.1")]
    [InlineData("0x7f000001", "127.0.0.1")]
    [InlineData("2130706433", "127.0.0.1")]
    [InlineData("0177.0.0.1", "127.0.0.1")]
    [InlineData("127.000.000.001", "127.0.0.1")]
    [InlineData("①②⑦.0.0.1", "127.0.0.1")]
    [InlineData("[::1]", "::1")]
    [InlineData("[::ffff:127.0.0.1]", "::ffff:127.0.0.1")]
    [InlineData("localhost", "localhost")]
    [InlineData("LOCALHOST.", "localhost")]
    [InlineData("helpdesk.example.com.evil.example", "helpdesk.example.com.evil.example")]
    public async Task HostOffTheAllowList_Refused(string host, string normalized)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var clients = new WebhookClients($"http://{host}:{receiver.Port}/hook", ["helpdesk.example.com"], allowPrivateNetworks: true);

        var result = await clients.Sender.SendAsync(WebhookClients.Payload(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.False(result.Retryable);
        Assert.Contains($"points at {normalized}, which is not on Contact:Webhook:AllowedHosts", result.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Theory]
    [InlineData("127.1")]
    [InlineData("0x7f000001")]
    [InlineData("2130706433")]
    [InlineData("0177.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("[::ffff:127.0.0.1]")]
    [InlineData("[::ffff:7f00:1]")]
    public async Task LoopbackSpelledOtherwise_OnTheAllowList_StillRefusedAsLoopback(string host)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var clients = new WebhookClients($"http://{host}:{receiver.Port}/hook", ["127.0.0.1", "::1", "::ffff:127.0.0.1"], allowPrivateNetworks: false);

        var result = await clients.Sender.SendAsync(WebhookClients.Payload(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.False(result.Retryable);
        Assert.Contains("is a loopback address", result.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task NameResolvingToLoopback_RefusedAtConnectTime()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var clients = new WebhookClients($"http://localhost:{receiver.Port}/hook", ["localhost"], allowPrivateNetworks: false);

        // The URL itself passes: only resolving the name shows where it leads.
        Assert.Null(WebhookDestinationGuard.CheckUrl(Options(clients)));
        var result = await clients.Sender.SendAsync(WebhookClients.Payload(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.False(result.Retryable);
        Assert.Contains("destination localhost resolves to", result.Error, StringComparison.Ordinal);
        Assert.Contains("which is a loopback address", result.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task NameResolvingToLoopback_PrivateNetworksAllowed_DeliveredToTheResolvedAddress()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var clients = new WebhookClients($"http://LocalHost:{receiver.Port}/hook", ["localhost"], allowPrivateNetworks: true);

        var result = await clients.Sender.SendAsync(WebhookClients.Payload(), CancellationToken.None);

        Assert.True(result.Delivered, result.Error);
        Assert.Single(receiver.Received);
    }

    private static HelpdeskWebhookOptions Options(WebhookClients clients) =>
        clients.Configuration.GetSection(HelpdeskWebhookOptions.Section).Get<HelpdeskWebhookOptions>()!;
}
