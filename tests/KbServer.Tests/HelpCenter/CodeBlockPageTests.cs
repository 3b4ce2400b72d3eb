using System.Net;
using KbCore.Rendering.Extensions.CodeHighlighting;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>
/// An article with code, served by the real server in both shipped themes: coloured with classes only, plain where the
/// language is unknown, harmless where the fence is hostile, and the page brings the copy button's script and styles.
/// </summary>
public sealed class CodeBlockPageTests : IDisposable
{
    private const string CSharp = "// Retry <twice> & log\npublic static async Task<int> RetryAsync(Func<Task<int>> call) => await call();\n";
    private const string Yaml = "name: <b>kb</b> & co\n";

    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["api/_index.md"] = "---\ntitle: API\n---\n",
        ["api/retries.md"] = "---\ntitle: Retry failed calls\n---\nWrap the call:\n\n```csharp\n" + CSharp + "```\n\n"
            + "Configure it:\n\n```yaml\n" + Yaml + "```\n\n```\"><script>alert(1)</script>\nsafe\n```\n",
    });

    public void Dispose() => _seed.Dispose();

    [Theory]
    [InlineData("default")]
    [InlineData("midnight")]
    public async Task ArticleWithCode_HighlightedWithoutStyles_AndTheCopyScriptIsOnThePage(string theme)
    {
        // Arrange
        using var factory = new KbServerFactory(_seed.Path, new Dictionary<string, string?> { ["Themes:Active"] = theme });
        var client = factory.CreateClient();

        // Act
        var response = await client.GetAsync("/api/retries");
        var page = await Html.ParseAsync(response);

        // Assert: the csharp block coloured, its text the source; the others plain; nothing styled or scripted inline.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var blocks = page.QuerySelectorAll(".article__body pre > code").ToArray();
        Assert.Equal(3, blocks.Length);
        Assert.Equal("language-csharp", blocks[0].GetAttribute("class"));
        Assert.Equal(CSharp, blocks[0].TextContent);
        Assert.Contains(blocks[0].QuerySelectorAll("span." + CodeTokenClasses.Keyword), s => s.TextContent == "async");
        Assert.Equal(["// Retry <twice> & log"], blocks[0].QuerySelectorAll("span." + CodeTokenClasses.Comment).Select(s => s.TextContent));
        Assert.Equal(("language-yaml", Yaml), (blocks[1].GetAttribute("class"), blocks[1].TextContent));
        Assert.Empty(blocks[1].Children);
        Assert.Equal("safe\n", blocks[2].TextContent);
        Assert.Empty(page.QuerySelectorAll(".article__body script, .article__body [style]"));
        // JSON-LD (the head's structured data) is data a browser never runs; any other inline script would be.
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));

        var script = page.QuerySelector($"script[src^='/assets/{theme}/js/code-copy.js?v=']")!.GetAttribute("src")!;
        var served = await client.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("Copy code", await served.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // The theme colours every token class it is sent.
        var palette = await client.GetStringAsync($"/assets/{theme}/css/theme.css");
        var rules = await client.GetStringAsync($"/assets/{theme}/css/article.css");
        Assert.All(CodeTokenClasses.All, c => Assert.Contains("." + c, rules, StringComparison.Ordinal));
        Assert.Contains("--kb-code-keyword:", palette, StringComparison.Ordinal);
    }
}
