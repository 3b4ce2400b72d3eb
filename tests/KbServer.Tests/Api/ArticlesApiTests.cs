using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Api;

/// <summary>The articles API as an integration uses it: a token, JSON, the real repository and index.</summary>
public sealed class ArticlesApiTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/_index.md"] = "---\ntitle: Help\n---\n",
        ["help/refunds.md"] = "---\ntitle: Refund a payment\n---\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n",
        ["team/_index.md"] = "---\ntitle: Team\nvisibility: internal\n---\n",
        ["team/runbook.md"] = "---\ntitle: Payroll runbook\n---\nSteps.\n",
    });

    private readonly KbServerFactory _factory;

    public ArticlesApiTests() => _factory = new KbServerFactory(_seed.Path);

    [Fact]
    public async Task Create_Read_Update_Delete_AsCommitsByTheTokensOwner_LiveAndSearchable()
    {
        var api = await ClientAsync("writer@example.com", TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite);

        var created = await api.PutAsJsonAsync("/api/v1/articles/help/zebra-payments", new { content = "---\ntitle: Zebra payments\n---\nPay with zebracoin.\n", message = "Add zebra payments" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var saved = await created.Content.ReadFromJsonAsync<JsonElement>();
        var revision = saved.GetProperty("revision").GetString()!;

        var read = await api.GetFromJsonAsync<JsonElement>("/api/v1/articles/help/zebra-payments");
        Assert.Equal(revision, read.GetProperty("revision").GetString());
        Assert.Contains("zebracoin", read.GetProperty("content").GetString(), StringComparison.Ordinal);
        var log = Git.Run(_factory.RepositoryPath, "log", "-1", "--format=%an <%ae>|%cn|%s", "main");
        Assert.Equal("writer <writer@example.com>|KnowledgeBase|Add zebra payments", log.Trim());

        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient().GetAsync("/help/zebra-payments")).StatusCode);
        await _factory.WaitForIndexAsync();
        Assert.Contains("help/zebra-payments", await _factory.CreateClient().GetStringAsync("/api/v1/search?q=zebracoin"), StringComparison.Ordinal);

        var updated = await api.PutAsJsonAsync("/api/v1/articles/help/zebra-payments", new { content = "---\ntitle: Zebra payments\n---\nPay with zebracoin or cash.\n", baseRevision = revision });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var deleted = await api.DeleteAsync("/api/v1/articles/help/zebra-payments");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/articles/help/zebra-payments")).StatusCode);
    }

    [Fact]
    public async Task StaleBase_MergesNonOverlappingEdits_AndAnswers409WithBothVersionsOnOverlap()
    {
        var api = await ClientAsync("merger@example.com", TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite);
        var start = (await api.GetFromJsonAsync<JsonElement>("/api/v1/articles/help/refunds")).GetProperty("revision").GetString();

        var first = await api.PutAsJsonAsync("/api/v1/articles/help/refunds", new { content = "---\ntitle: Refund a payment\n---\nFIRST paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n", baseRevision = start });
        var second = await api.PutAsJsonAsync("/api/v1/articles/help/refunds", new { content = "---\ntitle: Refund a payment\n---\nFirst paragraph.\n\nSecond paragraph.\n\nTHIRD paragraph.\n", baseRevision = start });
        var third = await api.PutAsJsonAsync("/api/v1/articles/help/refunds", new { content = "---\ntitle: Refund a payment\n---\nFirst paragraph, rewritten.\n\nSecond paragraph.\n\nThird paragraph.\n", baseRevision = start });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("merged").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        var problem = await third.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("FIRST paragraph.", problem.GetProperty("currentContent").GetString(), StringComparison.Ordinal);
        Assert.Contains("THIRD paragraph.", problem.GetProperty("currentContent").GetString(), StringComparison.Ordinal);
        Assert.Contains("rewritten", problem.GetProperty("yourContent").GetString(), StringComparison.Ordinal);
        Assert.Equal(40, problem.GetProperty("currentRevision").GetString()!.Length);
    }

    [Fact]
    public async Task BadInput_Gets422WithTheField_AndCommitsNothing()
    {
        var api = await ClientAsync("careful@example.com", TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite);
        var tip = Git.Run(_factory.RepositoryPath, "rev-parse", "main");

        var yaml = await api.PutAsJsonAsync("/api/v1/articles/help/bad", new { content = "---\ntitle: [oops\n---\nBody\n" });
        var hidden = await api.PutAsJsonAsync("/api/v1/articles/help/.hidden", new { content = "Body\n" });
        var reserved = await api.PutAsJsonAsync("/api/v1/articles/studio/x", new { content = "Body\n" });
        var missing = await api.PutAsJsonAsync("/api/v1/articles/help/nothing", new { message = "no content" });
        using var broken = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        var json = await api.PutAsync("/api/v1/articles/help/x", broken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, yaml.StatusCode);
        Assert.Contains("line", (await yaml.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("frontMatter")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, hidden.StatusCode);
        Assert.True((await hidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("path", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reserved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal(tip, Git.Run(_factory.RepositoryPath, "rev-parse", "main"));
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413ProblemDetails_ChunkedOrNot_AndCommitsNothing()
    {
        // Arrange: real Kestrel, which enforces the route's request size limit (the test host does not).
        using var kestrel = new KestrelServerFactory();
        await kestrel.WaitForIndexAsync(); // the repository is seeded in the background on first start
        using var api = new HttpClient { BaseAddress = kestrel.RootUri };
        api.DefaultRequestHeaders.Authorization = new("Bearer", await ApiTokens.NewUserAsync(kestrel, "big@example.com", KbRoles.Author, TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite));
        var tip = Git.Run(kestrel.RepositoryPath, "rev-parse", "main");
        var huge = new { content = "---\ntitle: " + new string('t', 2 * 1024 * 1024) + "\n---\nBody\n" };

        // Act
        var sized = await api.PutAsJsonAsync("/api/v1/articles/help/huge", huge);
        using var chunked = new PushStreamContent(huge);
        var streamed = await api.PutAsync("/api/v1/articles/help/huge", chunked);

        // Assert
        foreach (var response in new[] { sized, streamed })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("limited to", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(tip, Git.Run(kestrel.RepositoryPath, "rev-parse", "main"));
    }

    /// <summary>JSON sent without a Content-Length (chunked), as a streaming client would.</summary>
    private sealed class PushStreamContent : HttpContent
    {
        private readonly object _value;

        public PushStreamContent(object value)
        {
            _value = value;
            Headers.ContentType = new("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            System.Text.Json.JsonSerializer.SerializeAsync(stream, _value);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Theory]
    [InlineData("git~1/config")]
    [InlineData("GIT~1/hooks")]
    [InlineData("help/CON")]
    [InlineData("help/--upload-pack")]
    [InlineData("help/%EF%BC%8E%EF%BC%8E")]
    [InlineData("help/caf%65%CC%81")]
    public async Task PathsThatBreakGitOrOtherSystems_Get422NamingThePath_NeverA500(string path)
    {
        var api = await ClientAsync("careful@example.com", TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite);
        var tip = Git.Run(_factory.RepositoryPath, "rev-parse", "main");

        var response = await api.PutAsJsonAsync("/api/v1/articles/" + path, new { content = "---\ntitle: X\n---\nBody\n" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("path", out _));
        Assert.Equal(tip, Git.Run(_factory.RepositoryPath, "rev-parse", "main"));
    }

    [Fact]
    public async Task Authorization_AnonymousIs401_ReadOnlyTokenCannotWrite_BrowserNeedsAntiforgery()
    {
        var anonymous = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/articles")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/v1/articles/help/x", new { content = "x" })).StatusCode);

        var reader = await ClientAsync("reader@example.com", TokenScopes.ArticlesRead);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync("/api/v1/articles/help/x", new { content = "x" })).StatusCode);
        var list = await reader.GetFromJsonAsync<JsonElement>("/api/v1/articles");
        Assert.Contains(list.GetProperty("articles").EnumerateArray(), a => a.GetProperty("path").GetString() == "team/runbook" && a.GetProperty("visibility").GetString() == "internal");

        var browser = await StudioSession.NewUserAsync(_factory, "browser@example.com", KbRoles.Author);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/api/v1/articles/help/refunds")).StatusCode);
        var forged = await browser.Client.PutAsJsonAsync("/api/v1/articles/help/refunds", new { content = "---\ntitle: Hacked\n---\n" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task TwentyConcurrentSaves_ToDifferentArticles_GiveTwentyLinearCommits_AllIndexed()
    {
        var api = await ClientAsync("burst@example.com", TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite);
        var before = Git.Run(_factory.RepositoryPath, "rev-parse", "main").Trim();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            api.PutAsJsonAsync($"/api/v1/articles/help/burst-{i}", new { content = $"---\ntitle: Burst {i}\n---\nQuokkaword{i} body.\n" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var commits = Git.Run(_factory.RepositoryPath, "rev-list", "--parents", $"{before}..main").Trim().Split('\n');
        Assert.Equal(20, commits.Length);
        Assert.All(commits, line => Assert.Equal(2, line.Split(' ').Length));
        await _factory.WaitForIndexAsync();
        var search = _factory.CreateClient();
        for (var i = 0; i < 20; i++)
        {
            Assert.Contains($"help/burst-{i}\"", await search.GetStringAsync($"/api/v1/search?q=quokkaword{i}"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TwentyConcurrentSaves_OfOneArticle_FromOneBase_AreMergedOr409_AndEveryMergedChangeIsKept()
    {
        var api = await ClientAsync("crowd@example.com", TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite);
        var paragraphs = Enumerable.Range(0, 20).Select(i => $"Paragraph {i}.").ToList();
        var created = await api.PutAsJsonAsync("/api/v1/articles/help/crowded", new { content = "---\ntitle: Crowded\n---\n" + string.Join("\n\n", paragraphs) + "\n" });
        var start = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var edited = paragraphs.Select((p, j) => j == i ? $"Paragraph {i} edited by editor {i}." : p);
            return (i, await api.PutAsJsonAsync("/api/v1/articles/help/crowded", new { content = "---\ntitle: Crowded\n---\n" + string.Join("\n\n", edited) + "\n", baseRevision = start }));
        }));

        var final = (await api.GetFromJsonAsync<JsonElement>("/api/v1/articles/help/crowded")).GetProperty("content").GetString()!;
        Assert.All(responses, r => Assert.True(r.Item2.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.Item2.StatusCode.ToString()));
        foreach (var (i, _) in responses.Where(r => r.Item2.StatusCode == HttpStatusCode.OK))
        {
            Assert.Contains($"Paragraph {i} edited by editor {i}.", final, StringComparison.Ordinal);
        }

        Assert.Contains(responses, r => r.Item2.StatusCode == HttpStatusCode.OK);
    }

    private Task<HttpClient> ClientAsync(string email, params string[] scopes) => ApiTokens.ClientAsync(_factory, email, KbRoles.Author, scopes);

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }
}
