using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KbServer.Tests.Contact;

/// <summary>A real helpdesk stand-in: Kestrel on a random loopback port that records every request it gets.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>http://127.0.0.1:{port}</summary>
    public Uri Root { get; private set; } = null!;

    public int Port => Root.Port;

    /// <summary>Starts a receiver; <paramref name="respond"/> writes the answer (default: 204).</summary>
    public static async Task<WebhookReceiver> StartAsync(Func<HttpContext, Task>? respond = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver.Received.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path, headers, body.ToArray()));
            if (respond is null)
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            }
            else
            {
                await respond(context);
            }
        });
        await app.StartAsync();
        receiver.Root = new Uri(app.Urls.First());
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
