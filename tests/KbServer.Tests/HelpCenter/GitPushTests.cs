using System.Diagnostics;
using System.Net;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>Content pushed into the bare repository from a shell shows up without a restart.</summary>
public sealed class GitPushTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["guides/_index.md"] = "---\ntitle: Guides\n---\n",
        ["guides/first.md"] = "---\ntitle: First guide\n---\nHello.\n",
    });

    private readonly TempDirectory _clone = new("kbclone");

    [Fact]
    public async Task PushedArticle_IsServedWithinTwoSeconds_AndDeletingItMakesIt404()
    {
        // Arrange
        using var factory = new KbServerFactory(_seed.Path);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/guides/first")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/guides/pushed")).StatusCode);
        Git.Run(_clone.Path, "clone", "-q", factory.RepositoryPath, "work");
        var work = _clone.Combine("work");
        File.WriteAllText(Path.Combine(work, "guides", "pushed.md"), "---\ntitle: Pushed from a shell\n---\nNew text.\n");
        Git.Run(work, "add", ".");
        Git.Run(work, "commit", "-q", "-m", "Add pushed article");

        // Act
        Git.Run(work, "push", "-q", "origin", "main");
        var shown = await WaitForStatusAsync(client, "/guides/pushed", HttpStatusCode.OK);

        // Assert
        Assert.True(shown < TimeSpan.FromSeconds(2), $"took {shown}");
        var doc = await Html.ParseAsync(await client.GetAsync("/guides/pushed"));
        Assert.Equal("Pushed from a shell", doc.QuerySelector("h1")!.TextContent.Trim());

        // Act: delete it with another push
        Git.Run(work, "rm", "-q", "guides/pushed.md");
        Git.Run(work, "commit", "-q", "-m", "Remove pushed article");
        Git.Run(work, "push", "-q", "origin", "main");
        var gone = await WaitForStatusAsync(client, "/guides/pushed", HttpStatusCode.NotFound);

        // Assert
        Assert.True(gone < TimeSpan.FromSeconds(2), $"took {gone}");
    }

    private static async Task<TimeSpan> WaitForStatusAsync(HttpClient client, string url, HttpStatusCode expected)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            if ((await client.GetAsync(url)).StatusCode == expected)
            {
                return watch.Elapsed;
            }

            await Task.Delay(50);
        }

        return watch.Elapsed;
    }

    public void Dispose()
    {
        _seed.Dispose();
        _clone.Dispose();
    }
}
