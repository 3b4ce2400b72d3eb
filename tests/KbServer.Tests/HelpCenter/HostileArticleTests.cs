using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KbCore.Accounts;
using KbCore.Rendering;
using PathologicalMarkdown = KbCore.Tests.Infrastructure.PathologicalMarkdown;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>
/// One hostile article must not hurt anyone else: past the limits it cannot be written, one already in the
/// repository is served as text and reported, and while it renders the other articles stay fast.
/// </summary>
public sealed class HostileArticleTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(3);

    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/_index.md"] = "---\ntitle: Help\n---\n",
        ["help/refunds.md"] = "---\ntitle: Refund a payment\n---\nRefunds take five days.\n",
        ["help/flood.md"] = "---\ntitle: Flood\n---\n" + PathologicalMarkdown.Case("duplicate-headings").Build(40_000),
        ["help/heavy.md"] = "---\ntitle: Heavy but allowed\n---\n" + HeavyButAllowed(),
    });

    private readonly KbServerFactory _factory;

    public HostileArticleTests() => _factory = new KbServerFactory(_seed.Path, new Dictionary<string, string?> { ["Health:Details"] = "always" });

    [Fact]
    public async Task ArticleAlreadyPastALimit_IsServedAsEscapedText_AndReported()
    {
        var client = _factory.CreateClient();

        var watch = Stopwatch.StartNew();
        var page = await client.GetAsync("/help/flood");
        var elapsed = watch.Elapsed;

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(elapsed < Generous, $"{elapsed.TotalMilliseconds:0} ms");
        var dom = await Html.ParseAsync(page);
        Assert.NotNull(dom.QuerySelector(".kb-render-error"));
        Assert.StartsWith("## Same", dom.QuerySelector("pre.kb-plain-text")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(dom.QuerySelectorAll("article h2"));

        using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
        Assert.Contains(health.RootElement.GetProperty("problems").EnumerateArray(), p =>
            p.GetProperty("file").GetString() == "help/flood.md" && p.GetProperty("severity").GetString() == "error" &&
            p.GetProperty("message").GetString()!.Contains("headings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhileHeavyArticlesRender_AnotherArticleStaysFast()
    {
        var client = _factory.CreateClient();
        var heavy = Enumerable.Range(0, 4).Select(_ => client.GetAsync("/help/heavy"))
            .Concat(Enumerable.Range(0, 2).Select(_ => client.GetAsync("/help/flood")))
            .ToList();

        var watch = Stopwatch.StartNew();
        var light = await client.GetAsync("/help/refunds");
        var elapsed = watch.Elapsed;

        Assert.Equal(HttpStatusCode.OK, light.StatusCode);
        Assert.True(elapsed < Generous, $"{elapsed.TotalMilliseconds:0} ms");
        foreach (var response in await Task.WhenAll(heavy))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task SavingPastALimit_Gets422NamingTheLimit_AndCommitsNothing_WhileJustUnderSaves()
    {
        var api = await ApiTokens.ClientAsync(_factory, "writer@example.com", KbRoles.Admin, TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite);
        var tip = Git.Run(_factory.RepositoryPath, "rev-parse", "main");
        var tables = PathologicalMarkdown.Case("wide-table");

        var refused = await api.PutAsJsonAsync("/api/v1/articles/help/wide", new { content = "---\ntitle: Wide\n---\n" + tables.Build(tables.JustUnder + 1) });
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains($"at most {ArticleLimits.MaxTableColumns}", problem.GetProperty("errors").GetProperty("content")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(tip, Git.Run(_factory.RepositoryPath, "rev-parse", "main"));

        var saved = await api.PutAsJsonAsync("/api/v1/articles/help/wide", new { content = "---\ntitle: Wide\n---\n" + tables.Build(tables.JustUnder) });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
    }

    [Fact]
    public async Task StudioSavePastALimit_ShowsTheReasonAtTheBody_AndSavesNothing()
    {
        var session = await StudioSession.NewUserAsync(_factory, "author@example.com", KbRoles.Admin);
        var tip = Git.Run(_factory.RepositoryPath, "rev-parse", "main");

        var response = await session.SubmitAsync("/studio/edit?path=help/refunds", "form.editor", new()
        {
            ["Form.Body"] = PathologicalMarkdown.Case("nested-quotes").Build(ArticleLimits.MaxNesting + 1),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dom = await Html.ParseAsync(response);
        Assert.Contains($"at most {ArticleLimits.MaxNesting}", dom.QuerySelector("[data-valmsg-for='Form.Body']")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(tip, Git.Run(_factory.RepositoryPath, "rev-parse", "main"));
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }

    /// <summary>Several classes at once, each at its limit: the most an author can make the renderer do.</summary>
    private static string HeavyButAllowed() =>
        PathologicalMarkdown.Case("distinct-headings").Build(ArticleLimits.MaxHeadings) + "\n" +
        PathologicalMarkdown.Case("tall-table").Build(1_500) + "\n" +
        PathologicalMarkdown.Case("many-links").Build(1_000);
}
