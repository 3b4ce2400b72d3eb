using System.Net;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>An existing repository of plain markdown (a wiki, a docs folder) serves without conversion.</summary>
public sealed class PlainRepositoryTests : IDisposable
{
    private readonly TempDirectory _repo = new("kbplain");

    [Fact]
    public async Task NonBareRepositoryWithoutFrontMatter_ServesEveryPageWithFallbackTitles()
    {
        // Arrange: a non-bare repository made with the git CLI, on a branch named like a wiki's.
        _repo.WriteFiles(new Dictionary<string, string>
        {
            ["Home.md"] = "Welcome to the wiki.\n",
            ["setup/installing-the-agent.md"] = "# Installing the agent\n\nSteps.\n",
            ["setup/config_reference.md"] = "No heading here.\n",
            ["docs/kept-keys.md"] = "---\ndescription: Summary from description\nms.topic: troubleshooting\n---\n# Kept keys\n",
        });
        Git.Run(_repo.Path, "init", "-q", "-b", "wiki");
        Git.Run(_repo.Path, "add", ".");
        Git.Run(_repo.Path, "commit", "-q", "-m", "wiki");
        using var factory = new KbServerFactory(RepoPaths.Content, new Dictionary<string, string?>
        {
            ["Content:Repository"] = _repo.Path,
            ["Content:Branch"] = "wiki",
        });
        var client = factory.CreateClient();

        // Act + Assert
        Assert.Equal("Installing the agent", await H1Async(client, "/setup/installing-the-agent"));
        Assert.Equal("Config reference", await H1Async(client, "/setup/config_reference"));
        Assert.Equal("Home", await H1Async(client, "/Home"));
        Assert.Equal("Kept keys", await H1Async(client, "/docs/kept-keys"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/setup")).StatusCode);
    }

    private static async Task<string> H1Async(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent.Trim();
    }

    public void Dispose() => _repo.Dispose();
}
