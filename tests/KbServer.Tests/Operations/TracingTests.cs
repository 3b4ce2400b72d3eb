using System.Net;
using System.Text;
using KbServer.Tests.Contact;
using KbServer.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace KbServer.Tests.Operations;

/// <summary>Traces go to an OTLP collector only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> says where.</summary>
[Collection(ProcessWideMeters.Name)]
public sealed class TracingTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/refunds.md"] = "---\ntitle: Refunds\n---\nRefunds take five days.\n",
    });

    [Fact]
    public async Task Spans_ReachTheCollector_WithTheSearchSpan_AndWithoutProbes()
    {
        // Arrange: a real collector stand-in taking OTLP over HTTP
        await using var collector = await WebhookReceiver.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        using var factory = new KbServerFactory(_seed.Path, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Root.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        await factory.WaitForIndexAsync();
        var client = factory.CreateClient();

        // Act
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=refunds")).StatusCode);
        var traces = await ReceivedTracesAsync(collector, bodies => bodies.Any(b => b.Contains("kb.search", StringComparison.Ordinal)) && bodies.Any(b => b.Contains("GET /search", StringComparison.Ordinal)));

        // Assert
        Assert.Contains(traces, t => t.Contains("kb.search", StringComparison.Ordinal)); // our span...
        Assert.Contains(traces, t => t.Contains("GET /search", StringComparison.Ordinal)); // ...and the request it belongs to
        Assert.DoesNotContain(traces, t => t.Contains("/healthz", StringComparison.Ordinal));
    }

    [Fact]
    public void NoTracer_IsSetUp_WithoutAnEndpoint()
    {
        // Arrange
        using var factory = new KbServerFactory(_seed.Path);

        // Act
        var tracer = factory.Services.GetService<TracerProvider>();

        // Assert
        Assert.Null(tracer);
    }

    public void Dispose() => _seed.Dispose();

    /// <summary>The bodies posted to <c>/v1/traces</c> (protobuf keeps strings as UTF-8), once they hold what is wanted or after 10 s.</summary>
    private static async Task<List<string>> ReceivedTracesAsync(WebhookReceiver collector, Func<List<string>, bool> wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var bodies = collector.Received.Where(r => r.Path == "/v1/traces").Select(r => Encoding.UTF8.GetString(r.Body)).ToList();
            if (wanted(bodies) || DateTime.UtcNow > deadline)
            {
                return bodies;
            }

            await Task.Delay(100);
        }
    }
}
