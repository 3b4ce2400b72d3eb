using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace KbServer.Tests.Contact;

/// <summary>Deliveries to a real local receiver: signature, headers and body; how each kind of failure is reported.</summary>
public sealed class HelpdeskWebhookDeliveryTests
{
    [Fact]
    public async Task Delivery_ArrivesSignedWithHeadersAndBody()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var clients = new WebhookClients($"http://127.0.0.1:{receiver.Port}/hooks/kb?tenant=7", ["127.0.0.1"], allowPrivateNetworks: true);

        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var result = await clients.Sender.SendAsync(WebhookClients.Payload("delivery-1"), CancellationToken.None);

        Assert.True(result.Delivered, result.Error);
        Assert.Equal(204, result.StatusCode);
        var request = Assert.Single(receiver.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/kb", request.Path);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("contact.request", request.Headers["X-Kb-Event"]);
        Assert.Equal("delivery-1", request.Headers["X-Kb-Delivery"]);
        var timestamp = long.Parse(request.Headers["X-Kb-Timestamp"], CultureInfo.InvariantCulture);
        Assert.InRange(timestamp, before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(ExpectedSignature(request.Headers["X-Kb-Timestamp"], request.Body), request.Headers["X-Kb-Signature"]);

        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("delivery-1", body.GetProperty("id").GetString());
        Assert.Equal("Can't export invoices", body.GetProperty("subject").GetString());
        Assert.Equal("The CSV export button does nothing. ✓ unicode", body.GetProperty("description").GetString());
        Assert.Equal("ada@example.com", body.GetProperty("email").GetString());
        Assert.Equal("Ada Lovelace", body.GetProperty("name").GetString());
        Assert.Equal("billing", body.GetProperty("category").GetString());
        Assert.Equal("360001", body.GetProperty("externalCategories").GetProperty("zendesk").GetString());
        Assert.Equal(["billing/export-invoices", "billing/csv-format"], body.GetProperty("suggestionsShown").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero), body.GetProperty("submittedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Redirect_IsNotFollowed_FailsWithoutRetry()
    {
        await using var target = await WebhookReceiver.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync(context =>
        {
            context.Response.Redirect(new Uri(target.Root, "/stolen").ToString());
            return Task.CompletedTask;
        });
        using var clients = new WebhookClients($"http://127.0.0.1:{receiver.Port}/hook", ["127.0.0.1"], allowPrivateNetworks: true);

        var result = await clients.Sender.SendAsync(WebhookClients.Payload(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.False(result.Retryable);
        Assert.Equal(302, result.StatusCode);
        Assert.Contains("redirects are not followed", result.Error, StringComparison.Ordinal);
        Assert.Single(receiver.Received);
        Assert.Empty(target.Received);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(429, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    public async Task ErrorStatus_RetryableOnlyForServerErrorsAndThrottling(int status, bool retryable)
    {
        await using var receiver = await WebhookReceiver.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsync("helpdesk says no " + new string('x', 10_000));
        });
        using var clients = new WebhookClients($"http://127.0.0.1:{receiver.Port}/hook", ["127.0.0.1"], allowPrivateNetworks: true);

        var result = await clients.Sender.SendAsync(WebhookClients.Payload(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.Equal(retryable, result.Retryable);
        Assert.Equal(status, result.StatusCode);
        Assert.StartsWith($"HTTP {status} ", result.Error, StringComparison.Ordinal);
        Assert.Contains("helpdesk says no", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error!.Length < 400, "the error body is cut short");
    }

    [Fact]
    public async Task SlowReceiver_TimesOut_Retryable()
    {
        await using var receiver = await WebhookReceiver.StartAsync(context => Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted));
        using var clients = new WebhookClients($"http://127.0.0.1:{receiver.Port}/hook", ["127.0.0.1"], allowPrivateNetworks: true, timeoutSeconds: 1);

        var started = TimeProvider.System.GetTimestamp();
        var result = await clients.Sender.SendAsync(WebhookClients.Payload(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.True(result.Retryable);
        Assert.Null(result.StatusCode);
        Assert.Contains("no answer within 1 s", result.Error, StringComparison.Ordinal);
        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task NothingListening_ConnectionError_Retryable()
    {
        int port;
        await using (var closed = await WebhookReceiver.StartAsync())
        {
            port = closed.Port;
        }

        using var clients = new WebhookClients($"http://127.0.0.1:{port}/hook", ["127.0.0.1"], allowPrivateNetworks: true);

        var result = await clients.Sender.SendAsync(WebhookClients.Payload(), CancellationToken.None);

        Assert.False(result.Delivered);
        Assert.True(result.Retryable);
        Assert.StartsWith("could not reach the helpdesk", result.Error, StringComparison.Ordinal);
    }

    private static string ExpectedSignature(string timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookClients.Secret), signed));
    }
}
