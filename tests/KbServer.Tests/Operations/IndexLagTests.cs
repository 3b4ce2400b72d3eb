using System.Net;
using KbCore.Content;
using KbCore.Search;
using KbServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Operations;

/// <summary>The index lag gauges while the index really is behind: no background indexer, a real save.</summary>
[Collection(ProcessWideMeters.Name)]
public sealed class IndexLagTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/refunds.md"] = "---\ntitle: Refunds\n---\nRefunds take five days.\n",
    });

    private readonly NoIndexerServerFactory _factory;

    public IndexLagTests() => _factory = new NoIndexerServerFactory(_seed.Path, new Dictionary<string, string?>
    {
        ["Telemetry:Prometheus"] = "true",
        ["Telemetry:MetricsAllowFrom"] = "*", // the test server's requests have no remote address
    });

    [Fact]
    public async Task IndexLag_CountsTheCommitsAndSecondsTheIndexIsBehind()
    {
        // Arrange: indexed at the seed commit, then two saves the index never sees
        var client = _factory.CreateClient();
        var store = _factory.Services.GetRequiredService<ContentStore>();
        _factory.Services.GetRequiredService<SearchIndex>().Update(store.Current);
        var writer = _factory.Services.GetRequiredService<ContentWriter>();
        foreach (var days in new[] { "six", "seven" })
        {
            var saved = await writer.SaveAsync("help/refunds", $"---\ntitle: Refunds\n---\nRefunds take {days} days.\n", writer.Read("help/refunds")?.Revision, new CommitIdentity("Ana", "ana@example.com"), days, CancellationToken.None);
            Assert.Equal(SaveStatus.Committed, saved.Status);
        }

        await Task.Delay(TimeSpan.FromSeconds(1.2));

        // Act
        var response = await client.GetAsync("/metrics");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var metrics = new PrometheusText(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, metrics.Sum("kb_index_lag_commits"));
        Assert.InRange(metrics.Sum("kb_index_lag_seconds") ?? 0, 1.0, 60.0);
    }

    [Fact]
    public void Startup_Fails_WithTheEntryThatIsNoNetwork()
    {
        // Arrange
        using var factory = new NoIndexerServerFactory(_seed.Path, new Dictionary<string, string?> { ["Telemetry:Prometheus"] = "true", ["Telemetry:MetricsAllowFrom"] = "10.0.0.0/8, office" });

        // Act
        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        // Assert
        Assert.Contains("`office`", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }
}
