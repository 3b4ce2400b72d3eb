using System.Net;
using System.Text.Json;
using KbCore.Content;
using KbCore.Search;
using KbServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.Operations;

/// <summary><c>/healthz/live</c> and <c>/healthz/ready</c>, as a load balancer or Kubernetes reads them.</summary>
public sealed class HealthProbeTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/_index.md"] = "---\ntitle: Help\n---\n",
        ["help/refunds.md"] = "---\ntitle: Refunds\n---\nRefunds take five days.\n",
        ["team/secret-escalations.md"] = "---\ntitle: Secret escalations\nvisibility: internal\n---\nCall the duty phone.\n",
    });

    private readonly NoIndexerServerFactory _factory;

    public HealthProbeTests() => _factory = new NoIndexerServerFactory(_seed.Path);

    [Fact]
    public async Task Live_IsHealthy_WhileTheIndexIsNotBuilt()
    {
        // Arrange
        var client = _factory.CreateClient();

        // Act
        var response = await client.GetAsync("/healthz/live");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Empty(body.RootElement.GetProperty("checks").EnumerateObject());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Ready_Is503WhileTheIndexIsBuilding_And200AtThePublishedCommit()
    {
        // Arrange
        var client = _factory.CreateClient();
        var index = _factory.Services.GetRequiredService<SearchIndex>();
        var store = _factory.Services.GetRequiredService<ContentStore>();

        // Act
        var building = await client.GetAsync("/healthz/ready");
        index.Update(store.Current);
        var ready = await client.GetAsync("/healthz/ready");

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, building.StatusCode);
        var before = await ChecksAsync(building);
        Assert.Equal("unhealthy", before["search_index"]);
        Assert.Equal("healthy", before["database"]);
        Assert.Equal("healthy", before["repository"]);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var after = await ChecksAsync(ready);
        Assert.Equal("healthy", after["search_index"]);
        Assert.Equal("healthy", after["semantic_vectors"]); // turned off in tests: nothing to wait for
        Assert.Equal("no-store", ready.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Ready_StaysInRotation_WhileTheIndexCatchesUpWithANewCommit()
    {
        // Arrange
        var client = _factory.CreateClient();
        var index = _factory.Services.GetRequiredService<SearchIndex>();
        var store = _factory.Services.GetRequiredService<ContentStore>();
        index.Update(store.Current);
        var writer = _factory.Services.GetRequiredService<ContentWriter>();

        // Act: a save publishes a commit the index (no indexer here) has not seen
        var saved = await writer.SaveAsync("help/refunds", "---\ntitle: Refunds\n---\nRefunds take ten days.\n", writer.Read("help/refunds")?.Revision, new CommitIdentity("Ana", "ana@example.com"), "Ten days", CancellationToken.None);
        var response = await client.GetAsync("/healthz/ready");

        // Assert
        Assert.Equal(SaveStatus.Committed, saved.Status);
        Assert.NotEqual(index.IndexedCommit, store.Current.CommitSha);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("degraded", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("degraded", body.RootElement.GetProperty("checks").GetProperty("search_index").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_Is503_WhenTheDatabaseLostItsTables()
    {
        // Arrange: the index is fine, so only the database can fail the probe
        var client = _factory.CreateClient();
        _factory.Services.GetRequiredService<SearchIndex>().Update(_factory.Services.GetRequiredService<ContentStore>().Current);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(Path.Combine(_factory.DataDirectory, "kb.db"));

        // Act
        var response = await client.GetAsync("/healthz/ready");

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var checks = await ChecksAsync(response);
        Assert.Equal("unhealthy", checks["database"]);
        Assert.Equal("healthy", checks["search_index"]);
    }

    [Fact]
    public async Task Ready_StaysInRotation_WhenSemanticRankingIsUnavailable()
    {
        // Arrange: semantic search on, with a setting that turns it off with a warning (as a model that cannot load does)
        using var factory = new KbServerFactory(_seed.Path, new Dictionary<string, string?> { ["Search:Semantic:Enabled"] = "true", ["Search:Semantic:Recipe"] = "no-such-recipe" });
        await factory.WaitForIndexAsync();
        var semantic = factory.Services.GetRequiredService<KbCore.Search.Semantic.SemanticIndex>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (semantic.Progress.Warning is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // Act
        var response = await factory.CreateClient().GetAsync("/healthz/ready");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = await ChecksAsync(response);
        Assert.Equal("degraded", checks["semantic_vectors"]);
        Assert.Equal("healthy", checks["search_index"]);
    }

    [Fact]
    public async Task Ready_NamesNoArticleAndNoInternals()
    {
        // Arrange
        var client = _factory.CreateClient();

        // Act
        var text = await (await client.GetAsync("/healthz/ready")).Content.ReadAsStringAsync();

        // Assert
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("refunds", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_factory.DataDirectory, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }

    private static async Task<Dictionary<string, string>> ChecksAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("checks").EnumerateObject()
            .ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);
    }
}
