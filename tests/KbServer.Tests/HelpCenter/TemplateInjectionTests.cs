using System.Net;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>
/// Liquid in an article is text: the theme renders the article's values, it never parses them. An author (or a
/// pushed file) writing template syntax gets it shown literally, never evaluated, never a file read.
/// </summary>
public sealed class TemplateInjectionTests : IDisposable
{
    private const string Arithmetic = "{{ 7 | times: 191 }}";
    private const string Include = "{% include '../../appsettings.json' %}";
    private const string Dump = "{{ site | json }}";

    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/_index.md"] = "---\ntitle: Help\n---\n",
        ["help/probe.md"] = $"---\ntitle: \"Probe {Arithmetic}\"\nsummary: \"Summary {Include}\"\ntags: [probe]\n---\n" +
            $"Body {Arithmetic} and {Include} and {Dump}.\n\n## Heading {Arithmetic}\n\n`{Dump}` in code.\n",
    });

    [Fact]
    public async Task LiquidInTitleSummaryAndBody_IsShownLiterally_ThroughTheRealPage()
    {
        // Arrange
        using var factory = new KbServerFactory(_seed.Path);
        var client = factory.CreateClient();

        // Act
        var response = await client.GetAsync("/help/probe");
        var raw = await response.Content.ReadAsStringAsync();
        var dom = await Html.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"Probe {Arithmetic}", dom.QuerySelector("h1.article__title")!.TextContent);
        Assert.Equal($"Summary {Include}", dom.QuerySelector("p.article__summary")!.TextContent);
        Assert.StartsWith($"Probe {Arithmetic} · ", dom.Title, StringComparison.Ordinal);
        var body = dom.QuerySelector("div.article__body")!.TextContent;
        Assert.Contains($"Body {Arithmetic} and {Include} and {Dump}.", body, StringComparison.Ordinal);
        Assert.Contains($"Heading {Arithmetic}", dom.QuerySelector("div.article__body h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Dump, dom.QuerySelector("div.article__body code")!.TextContent);
        Assert.DoesNotContain("1337", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("AllowedHosts", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\"asset_base\"", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("AssetBase", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiquidInASearchQuery_IsShownLiterally()
    {
        // Arrange
        using var factory = new KbServerFactory(_seed.Path);
        await factory.WaitForIndexAsync();
        var client = factory.CreateClient();

        // Act
        var response = await client.GetAsync("/search?q=" + Uri.EscapeDataString(Arithmetic + " " + Include));
        var raw = await response.Content.ReadAsStringAsync();
        var dom = await Html.ParseAsync(response);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Arithmetic + " " + Include, dom.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("1337", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("AllowedHosts", raw, StringComparison.Ordinal);
    }

    public void Dispose() => _seed.Dispose();
}
