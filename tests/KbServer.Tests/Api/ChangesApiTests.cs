using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.Api;

/// <summary>A change request through the API: edits on its branch, a review, a merge whose commit names the approver.</summary>
public sealed class ChangesApiTests : IDisposable
{
    private readonly TempDirectory _seed = new TempDirectory("kbseed").WriteFiles(new Dictionary<string, string>
    {
        ["help/_index.md"] = "---\ntitle: Help\n---\n",
        ["help/refunds.md"] = "---\ntitle: Refunds\n---\nRefunds take five days.\n",
        ["help/cards.md"] = "---\ntitle: Cards\n---\nWe take cards.\n",
    });

    private readonly KbServerFactory _factory;

    public ChangesApiTests() => _factory = new KbServerFactory(_seed.Path);

    [Fact]
    public async Task EditReviewMerge_TheHelpCenterChangesOnlyAtTheMerge_AndGitRecordsTheApprover()
    {
        var author = await ClientAsync("ann@example.com", KbRoles.Author, TokenScopes.ChangesRead, TokenScopes.ChangesWrite, TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite, TokenScopes.ChangesApprove);
        var reviewer = await ClientAsync("rex@example.com", KbRoles.Reviewer, TokenScopes.ChangesRead, TokenScopes.ChangesWrite, TokenScopes.ChangesApprove);
        var visitor = _factory.CreateClient();

        var created = await author.PostAsJsonAsync("/api/v1/changes", new { title = "Faster refunds" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        foreach (var (path, text) in new[] { ("help/refunds", "Refunds take two days."), ("help/cards", "We take cards and wallets.") })
        {
            var revision = (await author.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{path}")).GetProperty("revision").GetString();
            var saved = await author.PutAsJsonAsync($"/api/v1/articles/{path}?change={id}", new { content = $"---\ntitle: X\n---\n{text}\n", baseRevision = revision });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        Assert.Contains("five days", await visitor.GetStringAsync("/help/refunds"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await author.PostAsync($"/api/v1/changes/{id}/submit", null)).StatusCode);
        // An Author's token may carry changes:approve, but reviewing takes the Reviewer or Admin role.
        var own = await author.PostAsync($"/api/v1/changes/{id}/approve", null);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await author.PostAsync($"/api/v1/changes/{id}/merge", null)).StatusCode);

        var approved = await reviewer.PostAsync($"/api/v1/changes/{id}/approve", null);
        var detail = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("approved", detail.GetProperty("state").GetString());
        Assert.Equal(2, detail.GetProperty("changes").GetArrayLength());
        var merged = await reviewer.PostAsync($"/api/v1/changes/{id}/merge", null);

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Contains("two days", await visitor.GetStringAsync("/help/refunds"), StringComparison.Ordinal);
        var message = Git.Run(_factory.RepositoryPath, "log", "-1", "--format=%P|%B", "main");
        Assert.Equal(2, message.Split('|')[0].Split(' ').Length);
        Assert.Contains("Approved-by: rex <rex@example.com>", message, StringComparison.Ordinal);
        var session = StudioSession.Anonymous(_factory);
        await session.SubmitAsync("/studio/login", "form.card", new() { ["Input.Email"] = "ann@example.com", ["Input.Password"] = "correct horse battery" });
        var history = await session.GetDocumentAsync("/studio/history?path=help/refunds&who=rex");
        Assert.Single(history.QuerySelectorAll("#history tbody tr"));
        Assert.Contains("Approved by rex <rex@example.com>", history.QuerySelector("#history")!.TextContent, StringComparison.Ordinal);
        var recent = (await session.GetDocumentAsync("/studio/recent")).QuerySelector("#recent tbody tr")!;
        Assert.Contains("Approved by rex <rex@example.com>", recent.TextContent, StringComparison.Ordinal);
        Assert.Contains("(merged by rex)", recent.QuerySelectorAll("td")[1].TextContent, StringComparison.Ordinal); // credits the author, not only the merger
        Assert.Contains("Co-authored-by: ann", message, StringComparison.Ordinal);
        var list = await author.GetFromJsonAsync<JsonElement>("/api/v1/changes");
        Assert.Equal("merged", list.EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == id).GetProperty("state").GetString());

        // Merged, the request still shows what it changed: its branch is now part of main, so its diff is the merge's.
        var after = await author.GetFromJsonAsync<JsonElement>($"/api/v1/changes/{id}");
        Assert.Equal(["help/cards.md", "help/refunds.md"], after.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("path").GetString()).Order(StringComparer.Ordinal));
        var page = await session.GetDocumentAsync($"/studio/changes/{id}");
        var refunds = page.QuerySelector("section.change-file[data-path='help/refunds']")!;
        Assert.Contains(refunds.QuerySelectorAll("table.diff tr.ins"), tr => tr.TextContent.Contains("two days", StringComparison.Ordinal));
        Assert.Contains(refunds.QuerySelectorAll("table.diff tr.del"), tr => tr.TextContent.Contains("five days", StringComparison.Ordinal));
        Assert.Equal(2, page.QuerySelectorAll("section.change-file").Length);
    }

    [Fact]
    public async Task Refusals_AnswerWithTheStatusThatSaysWhy()
    {
        // Arrange: a reviewer's own change request in review, an author and another reviewer with every change scope.
        string[] all = [TokenScopes.ChangesRead, TokenScopes.ChangesWrite, TokenScopes.ChangesApprove, TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite];
        var rae = await ClientAsync("rae@example.com", KbRoles.Reviewer, all);
        var author = await ClientAsync("abe@example.com", KbRoles.Author, all);
        var rex = await ClientAsync("rex.r@example.com", KbRoles.Reviewer, all);
        var id = (await (await rae.PostAsJsonAsync("/api/v1/changes", new { title = "Rae's wording" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var revision = (await rae.GetFromJsonAsync<JsonElement>("/api/v1/articles/help/refunds")).GetProperty("revision").GetString();
        Assert.Equal(HttpStatusCode.OK, (await rae.PutAsJsonAsync($"/api/v1/articles/help/refunds?change={id}", new { content = "---\ntitle: Refunds\n---\nRefunds take a day.\n", baseRevision = revision })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rae.PostAsync($"/api/v1/changes/{id}/submit", null)).StatusCode);

        // Act
        var notReviewer = await author.PostAsync($"/api/v1/changes/{id}/approve", null);
        var notReviewerChanges = await author.PostAsync($"/api/v1/changes/{id}/request-changes", null);
        var ownApproval = await rae.PostAsync($"/api/v1/changes/{id}/approve", null);
        var staleHead = await rex.PostAsync($"/api/v1/changes/{id}/approve?head={new string('0', 40)}", null);
        var unapprovedMerge = await rae.PostAsync($"/api/v1/changes/{id}/merge", null);
        var unmergedRevert = await rae.PostAsync($"/api/v1/changes/{id}/revert", null);
        var missingSubmit = await rae.PostAsync("/api/v1/changes/999/submit", null);
        var missingRevert = await rae.PostAsync("/api/v1/changes/999/revert", null);
        var untitled = await rae.PostAsJsonAsync("/api/v1/changes", new { title = " " });

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, notReviewer.StatusCode);
        Assert.Equal("Only reviewers and admins review change requests.", (await notReviewer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("application/problem+json", notReviewer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, notReviewerChanges.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, ownApproval.StatusCode);
        Assert.Contains("you wrote in", (await ownApproval.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleHead.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, unapprovedMerge.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, unmergedRevert.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingSubmit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingRevert.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, untitled.StatusCode);
        Assert.True((await untitled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("title", out _));
        var after = await rae.GetFromJsonAsync<JsonElement>($"/api/v1/changes/{id}");
        Assert.Equal("in_review", after.GetProperty("state").GetString());
        Assert.Empty(after.GetProperty("reviews").EnumerateArray());
    }

    [Fact]
    public async Task AnonymousIs401_AndScopesAreEnforced()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateClient().GetAsync("/api/v1/changes")).StatusCode);
        var reader = await ClientAsync("reader.cr@example.com", KbRoles.Reviewer, TokenScopes.ChangesRead);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/changes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/v1/changes", new { title = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/v1/changes/1/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/v1/changes/999")).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheJsonApi_AndNothingElse()
    {
        using var document = JsonDocument.Parse(await _factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/v1/changes", paths);
        Assert.Contains("/api/v1/changes/{id}/merge", paths);
        Assert.Contains("/api/v1/articles/{path}", paths);
        Assert.Contains("/api/v1/search", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
    }

    private Task<HttpClient> ClientAsync(string email, string role, params string[] scopes) => ApiTokens.ClientAsync(_factory, email, role, scopes);

    public void Dispose()
    {
        _factory.Dispose();
        _seed.Dispose();
    }
}
