using System.Net;
using System.Text.Json;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>How the server treats images, internal content and broken front matter, over a small purpose-built repository.</summary>
public sealed class ContentRulesTests : IDisposable
{
    private readonly TempDirectory _seed;
    private readonly KbServerFactory _factory;

    public ContentRulesTests()
    {
        _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
        {
            ["help/_index.md"] = "---\ntitle: Help\ndescription: All the help.\n---\n",
            ["help/public.md"] = "---\ntitle: Public page\ntags: [a]\n---\n![A chart](images/chart.png)\n\nSee [[Other page]] and [the data](images/fake.png).\n\nNot [[Secret runbook]] nor [this](secret.md).\n",
            ["help/other-page.md"] = "---\ntitle: Other page\ntags: [a]\n---\nBody.\n",
            ["help/secret.md"] = "---\ntitle: Secret runbook\nvisibility: internal\n---\n![Secret](images/secret.png)\n",
            ["help/broken.md"] = "---\ntitle: [not, a, string]\n---\nBody.\n",
            ["help/deep.md"] = "---\ntitle: Deep quotes\n---\n" + new string('>', 3000) + " x\n",
            ["help/fishy.md"] = "---\ntitle: Fishy\nvisibility: Public \n---\nBody.\n",
            ["help/bomb.md"] = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\nBody.\n",
            ["help/huge.md"] = "---\ntitle: Huge\nx: \"" + new string('y', 10 * 1024 * 1024) + "\"\n---\nBody.\n",
        });
        File.WriteAllBytes(_seed.Combine("help", "images", "chart.png").EnsureDirectory(), TinyPng.Bytes);
        File.WriteAllBytes(_seed.Combine("help", "images", "secret.png"), TinyPng.Bytes);
        File.WriteAllBytes(_seed.Combine("help", "images", "orphan.png"), TinyPng.Bytes);
        File.WriteAllText(_seed.Combine("help", "images", "fake.png"), "<html><script>alert(1)</script></html>");
        _factory = new KbServerFactory(_seed.Path, new Dictionary<string, string?> { ["Health:Details"] = "always" });
    }

    [Fact]
    public async Task ImageOfPublicArticle_IsServedFromGitWithSniffedTypeAndNosniff()
    {
        var response = await _factory.CreateClient().GetAsync("/help/images/chart.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(TinyPng.Bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/help/images/secret.png")]
    [InlineData("/help/images/orphan.png")]
    [InlineData("/help/secret")]
    public async Task InternalOrUnreferencedContent_AnswersLikeAMissingFile(string url)
    {
        var client = _factory.CreateClient();
        var missing = await client.GetAsync("/help/images/nothing-here.png");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await response.Content.ReadAsStringAsync());
        Assert.Equal(missing.Content.Headers.ContentType, response.Content.Headers.ContentType);
    }

    [Fact]
    public async Task BrokenFrontMatter_IsSkippedAndReported_WhileTheSiteKeepsServing()
    {
        var client = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/help/public")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/help/broken")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/help/bomb")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/help/huge")).StatusCode);

        // "Public " is not "public": fail closed.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/help/fishy")).StatusCode);

        using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
        var problems = health.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => (File: p.GetProperty("file").GetString(), Line: p.GetProperty("line").GetInt32(), Severity: p.GetProperty("severity").GetString()))
            .ToArray();
        Assert.Contains(problems, p => p is { File: "help/broken.md", Line: 2, Severity: "error" });
        Assert.Contains(problems, p => p is { File: "help/bomb.md", Severity: "error" });
        Assert.Contains(problems, p => p is { File: "help/huge.md", Severity: "error" });
        Assert.Contains(problems, p => p is { File: "help/fishy.md", Severity: "warning" });
    }

    [Fact]
    public async Task FileNamedPngHoldingHtml_IsServedAsAnAttachmentOfUnknownType()
    {
        var response = await _factory.CreateClient().GetAsync("/help/images/fake.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task WikiLinkAndRelatedArticles_PointAtEachOther()
    {
        var doc = await Html.ParseAsync(await _factory.CreateClient().GetAsync("/help/public"));

        Assert.NotNull(doc.QuerySelector("a[href='/help/other-page']"));
        Assert.NotNull(doc.QuerySelector("img[src='/help/images/chart.png'][alt='A chart']"));
    }

    [Fact]
    public async Task PathologicallyNestedMarkdown_ShowsANoticeNotAServerError()
    {
        var response = await _factory.CreateClient().GetAsync("/help/deep");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector(".kb-render-error"));
    }

    [Fact]
    public async Task PublicArticleLinkingToAnInternalOne_ShowsABrokenLinkThatLeaksNoPath()
    {
        var response = await _factory.CreateClient().GetAsync("/help/public");
        var doc = await Html.ParseAsync(response);

        var links = doc.QuerySelectorAll("main a").Select(a => a.GetAttribute("href") ?? string.Empty).ToArray();
        Assert.DoesNotContain(links, href => href.Contains("secret", StringComparison.Ordinal));
        Assert.DoesNotContain("secret.md", doc.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(2, doc.QuerySelectorAll("main .kb-broken-link").Length);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }
}
