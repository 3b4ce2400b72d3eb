using System.Net;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>Old and near-miss paths answer 301 to exactly the canonical URL the page names, never to a hidden one.</summary>
public sealed class CanonicalRedirectTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _clone = new("kbclone");

    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/_index.md"] = "---\ntitle: Help\n---\n",
        ["help/refunds-and-returns.md"] = "---\ntitle: Refunds and returns\n---\nFive days.\n",
        ["help/secret-plan.md"] = "---\ntitle: Secret plan\nvisibility: internal\n---\nShh.\n",
    });

    private readonly KbServerFactory _factory;

    public CanonicalRedirectTests() => _factory = new KbServerFactory(_seed.Path);

    [Theory]
    [InlineData("/help/refunds")]
    [InlineData("/help/refunds/")]
    [InlineData("/help/refunds.md")]
    [InlineData("/Help/Refunds")]
    [InlineData("/help/refunds-and-returns.md")]
    [InlineData("/HELP/Refunds-And-Returns")]
    public async Task OldOrNearMissPath_Answers301_ToTheCanonicalUrl(string path)
    {
        // Arrange
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var canonical = PageMeta.Canonical(await Html.ParseAsync(await client.GetAsync("/help/refunds-and-returns")));

        // Act
        var response = await client.GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("http://localhost/help/refunds-and-returns", canonical);
        Assert.Equal(canonical, response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/help/old-plan")]
    [InlineData("/help/secret-plan.md")]
    [InlineData("/Help/Secret-Plan")]
    public async Task PathToAnInternalArticle_Is404ForVisitors_InEveryForm(string path)
    {
        // Act
        var response = await _factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The record of two moves, pushed as a move commits it (the seed leaves out dot folders).</summary>
    public async Task InitializeAsync()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/help/refunds")).StatusCode);
        Git.Run(_clone.Path, "clone", "-q", _factory.RepositoryPath, "work");
        var work = _clone.Combine("work");
        Directory.CreateDirectory(Path.Combine(work, ".kb"));
        File.WriteAllText(Path.Combine(work, ".kb", "redirects.yml"), "help/refunds: help/refunds-and-returns\nhelp/old-plan: help/secret-plan\n");
        Git.Run(work, "add", ".");
        Git.Run(work, "commit", "-q", "-m", "Record moves");
        Git.Run(work, "push", "-q", "origin", "main");
        for (var started = DateTime.UtcNow; DateTime.UtcNow - started < TimeSpan.FromSeconds(5); await Task.Delay(50))
        {
            if ((await client.GetAsync("/help/refunds")).StatusCode == HttpStatusCode.MovedPermanently)
            {
                return;
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
        _clone.Dispose();
    }
}
