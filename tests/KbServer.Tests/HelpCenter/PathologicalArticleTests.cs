using System.Net;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>An article Markdig refuses to render: its page says so, every other page and search keep working.</summary>
public sealed class PathologicalArticleTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/deep.md"] = "---\ntitle: Deep emphasis\n---\n" + new string('*', 20_000) + "x" + new string('*', 20_000) + "\n",
        ["help/fine.md"] = "---\ntitle: A fine article\n---\nNothing odd here.\n",
    });

    private readonly KbServerFactory _factory;

    public PathologicalArticleTests() => _factory = new KbServerFactory(_seed.Path);

    [Fact]
    public async Task DeeplyNestedEmphasis_IsANoticeOnItsPage_NotA500()
    {
        await _factory.WaitForIndexAsync();
        var client = _factory.CreateClient();

        var deep = await client.GetAsync("/help/deep");
        var fine = await client.GetAsync("/help/fine");
        var search = await client.GetStringAsync("/api/v1/search?q=deep+emphasis");

        Assert.Equal(HttpStatusCode.OK, deep.StatusCode);
        Assert.Contains("class=\"kb-render-error\"", await deep.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.Contains("help/deep", search, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }
}
