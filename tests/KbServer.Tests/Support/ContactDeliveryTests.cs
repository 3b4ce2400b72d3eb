using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KbCore.Accounts;
using KbCore.Contact;
using KbCore.Data;
using KbServer.Tests.Contact;
using KbServer.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Support;

/// <summary>A contact request from the page to the helpdesk webhook: signed, public suggestions only, refused destinations kept.</summary>
public sealed class ContactDeliveryTests : IAsyncDisposable
{
    private const string Secret = "test-webhook-secret";
    private readonly TempDirectory _seed = SupportSeed.Create();

    [Fact]
    public async Task SubmittedRequest_ReachesTheHelpdesk_Signed_WithItsCategoryAndOnlyPublicSuggestions()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var factory = Server(new Uri(receiver.Root, "/hooks/kb").ToString(), "127.0.0.1", allowPrivate: true);
        await factory.WaitForIndexAsync();

        await SubmitAsync(factory, "invoice email never arrived zorblax override");

        var request = await WaitAsync(() => receiver.Received.TryPeek(out var r) ? r : null);
        Assert.Equal("/hooks/kb", request.Path);
        var signed = Encoding.UTF8.GetBytes(request.Headers["X-Kb-Timestamp"] + ".").Concat(request.Body).ToArray();
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed)), request.Headers["X-Kb-Signature"]);
        var payload = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("billing", payload.GetProperty("category").GetString());
        Assert.Equal("360001", payload.GetProperty("externalCategories").GetProperty("zendesk").GetString());
        var shown = payload.GetProperty("suggestionsShown").EnumerateArray().Select(s => s.GetString()!).ToArray();
        Assert.Contains("help/invoice-email", shown);
        Assert.DoesNotContain("help/secret-billing", shown);
        Assert.All(shown, path => Assert.DoesNotContain("session", path, StringComparison.Ordinal)); // paths, not the visit's tracking links
        Assert.DoesNotContain("zorblax override when", Encoding.UTF8.GetString(request.Body), StringComparison.OrdinalIgnoreCase);
        var stored = await WaitAsync(async () => (await SingleAsync(factory)) is { DeliveryState: ContactDeliveryStates.Delivered } r ? r : null);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task LoopbackDestination_IsRefused_NothingSent_RequestKeptAsFailed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var factory = Server($"http://localhost:{receiver.Port}/hooks/kb", "localhost", allowPrivate: false);

        await SubmitAsync(factory, "refund please");

        var stored = await WaitAsync(async () => (await SingleAsync(factory)) is { DeliveryState: ContactDeliveryStates.Failed } r ? r : null);
        Assert.Contains("loopback", stored.LastError, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
        var team = await StudioSession.NewUserAsync(factory, "agent@example.com", KbRoles.Author);
        Assert.Contains("loopback", (await team.GetDocumentAsync("/studio/contact-requests")).QuerySelector("#contact-requests")!.TextContent, StringComparison.Ordinal);
    }

    private KbServerFactory Server(string url, string host, bool allowPrivate) => new(_seed.Path, new Dictionary<string, string?>
    {
        ["Contact:Webhook:Url"] = url,
        ["Contact:Webhook:Secret"] = Secret,
        ["Contact:Webhook:AllowedHosts:0"] = host,
        ["Contact:Webhook:AllowPrivateNetworks"] = allowPrivate ? "true" : "false",
    });

    private static async Task SubmitAsync(KbServerFactory factory, string subject)
    {
        var visitor = StudioSession.Anonymous(factory);
        var response = await visitor.SubmitAsync("/contact", "form[data-contact-form]", new() { ["subject"] = subject, ["description"] = "Please help.", ["email"] = "ann@example.com", ["category"] = "billing", ["action"] = "send" });
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, response.StatusCode);
    }

    private static async Task<ContactRequest?> SingleAsync(KbServerFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<KbDbContext>>().CreateDbContextAsync();
        return await db.ContactRequests.AsNoTracking().SingleOrDefaultAsync();
    }

    private static Task<T> WaitAsync<T>(Func<T?> probe)
        where T : class => WaitAsync(() => Task.FromResult(probe()));

    private static async Task<T> WaitAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync()
    {
        _seed.Dispose();
        return ValueTask.CompletedTask;
    }
}
