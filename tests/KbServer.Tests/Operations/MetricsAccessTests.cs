using System.Net;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Operations;

/// <summary>Who gets <c>/metrics</c>: nobody unless Prometheus is on, then only the networks allowed.</summary>
public sealed class MetricsAccessTests
{
    [Fact]
    public async Task Metrics_AreNotFound_WhenPrometheusIsOff()
    {
        // Arrange
        using var factory = new SampleServerFactory();

        // Act
        var response = await factory.CreateClient().GetAsync("/metrics");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_AreRefused_ToLoopback_WhenOnlyAnotherNetworkIsAllowed()
    {
        // Arrange
        using var factory = new KestrelServerFactory(new Dictionary<string, string?> { ["Telemetry:Prometheus"] = "true", ["Telemetry:MetricsAllowFrom"] = "10.0.0.0/8, 192.168.1.5" }, logs: null);

        // Act
        var response = await factory.CreateBrowserClient().GetAsync("/metrics");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
