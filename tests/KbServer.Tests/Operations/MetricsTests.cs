using System.Net;
using System.Net.Http.Json;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Operations;

/// <summary><c>/metrics</c> over real Kestrel on loopback, as a Prometheus server beside the node scrapes it.</summary>
[Collection(ProcessWideMeters.Name)]
public sealed class MetricsTests : IDisposable
{
    private const string Article = "taxes-and-currencies/multi-currency/exchange-rates-and-currency-gains";

    private readonly KestrelServerFactory _factory = new(new Dictionary<string, string?> { ["Telemetry:Prometheus"] = "true" }, logs: null);

    [Fact]
    public async Task Metrics_CountSearchesSavesAndVotes_BesideTheHttpServerDuration()
    {
        // Arrange
        await _factory.WaitForIndexAsync();
        var visitor = _factory.CreateBrowserClient();
        var before = await ScrapeAsync(visitor);
        var author = await StudioSession.NewUserAsync(_factory, "ops@example.com", KbRoles.Admin);

        // Act: what visitors and authors do
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/search?q=exchange+rates")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/api/v1/search?q=zzqxjv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/api/v1/autocomplete?q=exch")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await visitor.PostAsJsonAsync("/api/v1/feedback", new { path = Article, helpful = true })).StatusCode);
        var saved = await author.SubmitAsync("/studio/edit?path=" + Article, "form.editor", new() { ["Form.Body"] = "Rates come from the central bank.\n" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await ScrapeUntilAsync(visitor, m => m.Sum("kb_saves_total") > 0);

        // Assert: our counters rose from the first scrape
        Assert.Equal(1, Rise(before, after, "kb_searches_total", ("kb_search_channel", "page")));
        Assert.Equal(1, Rise(before, after, "kb_searches_total", ("kb_search_channel", "api")));
        Assert.Equal(1, Rise(before, after, "kb_searches_total", ("kb_search_channel", "autocomplete")));
        Assert.Equal(1, Rise(before, after, "kb_search_zero_results_total", ("kb_search_channel", "api")));
        Assert.Equal(3, Rise(before, after, "kb_search_duration_seconds_count"));
        Assert.True(after.Sum("kb_search_duration_seconds_sum") > 0);
        Assert.Equal(1, Rise(before, after, "kb_saves_total"));
        Assert.Equal(1, Rise(before, after, "kb_votes_total", ("kb_vote_helpful", "true")));

        // The gauges are there (values depend on timing: the index may be catching up with the save)
        Assert.NotNull(after.Sum("kb_index_lag_commits"));
        Assert.NotNull(after.Sum("kb_index_lag_seconds"));
        Assert.Equal(0, after.Sum("kb_vectors_pending")); // semantic search is off in tests
        Assert.Equal(0, after.Sum("kb_contact_deliveries_pending"));
        Assert.Equal(0, after.Sum("kb_contact_deliveries_failed"));

        // ASP.NET Core's own request histogram, per route
        Assert.True(after.Sum("http_server_request_duration_seconds_count") >= 5);
    }

    [Fact]
    public async Task IndexLag_FallsBackToZero_OnceTheIndexerCaughtUpWithASave()
    {
        // Arrange
        await _factory.WaitForIndexAsync();
        var client = _factory.CreateBrowserClient();
        var author = await StudioSession.NewUserAsync(_factory, "lag@example.com", KbRoles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await author.SubmitAsync("/studio/edit?path=" + Article, "form.editor", new() { ["Form.Body"] = "Rates come daily.\n" })).StatusCode);

        // Act
        await _factory.WaitForIndexAsync();
        var metrics = await ScrapeUntilAsync(client, m => m.Sum("kb_index_lag_commits") == 0);

        // Assert
        Assert.Equal(0, metrics.Sum("kb_index_lag_commits"));
        Assert.Equal(0, metrics.Sum("kb_index_lag_seconds"));
    }

    [Fact]
    public async Task Metrics_AreRefused_ToARequestThatCameThroughAProxy()
    {
        // Arrange
        var client = _factory.CreateBrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        // Act
        var proxied = await client.SendAsync(request);
        var direct = await client.GetAsync("/metrics");

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, proxied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    private static double Rise(PrometheusText before, PrometheusText after, string name, params (string Label, string Value)[] labels) =>
        (after.Sum(name, labels) ?? 0) - (before.Sum(name, labels) ?? 0);

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The exporter caches its answer for a moment: scrapes again until <paramref name="done"/>.</summary>
    private static async Task<PrometheusText> ScrapeUntilAsync(HttpClient client, Func<PrometheusText, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var metrics = await ScrapeAsync(client);
            if (done(metrics) || DateTime.UtcNow > deadline)
            {
                return metrics;
            }

            await Task.Delay(100);
        }
    }
}
