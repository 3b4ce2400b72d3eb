using KbServer.Contact;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KbServer.Tests.Contact;

/// <summary>A webhook setting that could never be used stops start-up with a message naming the setting.</summary>
public sealed class WebhookOptionsValidationTests
{
    [Fact]
    public async Task HostOffTheAllowList_FailsStartUp()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Contact:Webhook:Url"] = "https://evil.example/hook",
            ["Contact:Webhook:Secret"] = "s",
            ["Contact:Webhook:AllowedHosts:0"] = "helpdesk.example.com",
        });
        builder.Services.AddHelpdeskWebhook(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Contact:Webhook:Url points at evil.example, which is not on Contact:Webhook:AllowedHosts (it lists helpdesk.example.com)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoUrl_StartsAndSendingSaysSo()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddHelpdeskWebhook(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        var result = await host.Services.GetRequiredService<HelpdeskWebhookSender>().SendAsync(WebhookClients.Payload(), CancellationToken.None);
        await host.StopAsync();

        Assert.False(result.Delivered);
        Assert.False(result.Retryable);
        Assert.Contains("no helpdesk webhook is configured", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://helpdesk.example.com/hook", "s", "must be an absolute http or https URL")]
    [InlineData("/hook", "s", "must be an absolute http or https URL")]
    [InlineData("https://user:pw@helpdesk.example.com/hook", "s", "must not contain a user name or password")]
    [InlineData("https://helpdesk.example.com/hook", "", "Contact:Webhook:Secret must be set")]
    [InlineData("https://helpdesk.example.com:8443/hook", "s", null)]
    [InlineData("https://HELPDESK.Example.COM./hook", "s", null)]
    [InlineData("https://xn--bcher-kva.example/hook", "s", null)]
    [InlineData("https://BÜCHER.example/hook", "s", null)]
    [InlineData("http://10.0.0.5/hook", "s", "destination 10.0.0.5 is a private address")]
    [InlineData("http://0/hook", "s", "destination 0.0.0.0 is an unspecified")]
    [InlineData("http://[fd00::5]/hook", "s", "destination fd00::5 is a unique local address")]
    public void Validator_NamesTheProblem(string url, string secret, string? expected)
    {
        var options = new HelpdeskWebhookOptions { Url = url, Secret = secret };
        foreach (var host in new[] { "helpdesk.example.com", "bücher.example", "10.0.0.5", "0.0.0.0", "FD00:0::5" })
        {
            options.AllowedHosts.Add(host);
        }

        var result = new HelpdeskWebhookOptionsValidator().Validate(null, options);

        if (expected is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0, 5, "TimeoutSeconds")]
    [InlineData(301, 5, "TimeoutSeconds")]
    [InlineData(10, 0, "MaxAttempts")]
    public void Validator_BoundsTimeoutAndAttempts(int timeout, int attempts, string named)
    {
        var options = new HelpdeskWebhookOptions { TimeoutSeconds = timeout, MaxAttempts = attempts };

        var result = new HelpdeskWebhookOptionsValidator().Validate(null, options);

        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }
}
