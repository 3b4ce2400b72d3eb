using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KbCore.Accounts;
using KbServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KbServer.Tests.GitHttp;

/// <summary>Clone and push over HTTP with the real git CLI against the real server on Kestrel.</summary>
public sealed class GitHttpTests : IDisposable
{
    private readonly GitRemote _remote = new();

    [Fact]
    public async Task Clone_NeedsAToken_AndAWrongOneIsRefused()
    {
        var token = await _remote.TokenAsync("cloner@example.com", TokenScopes.ArticlesRead);

        var anonymous = Git.TryRun(_remote.Combine(), "clone", "-q", _remote.Url(null), "anon");
        var wrong = Git.TryRun(_remote.Combine(), "clone", "-q", _remote.Url("kb_not_a_token"), "wrong");
        Git.Run(_remote.Combine(), "clone", "-q", _remote.Url(token), "ok");

        Assert.NotEqual(0, anonymous.Code);
        Assert.NotEqual(0, wrong.Code);
        Assert.Contains("Authentication failed", wrong.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_remote.Combine("ok", "_index.md")));
        var unauthenticated = await new HttpClient().GetAsync(new Uri(_remote.Server.RootUri, "/content.git/info/refs?service=git-upload-pack"));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.StartsWith("Basic", unauthenticated.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushToMain_IsServedAndSearchableWithinTwoSeconds_AndAReadOnlyTokenCannotPush()
    {
        var writer = await _remote.TokenAsync("pusher@example.com", TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite);
        var reader = await _remote.TokenAsync("looker@example.com", TokenScopes.ArticlesRead);
        var clone = _remote.Clone(writer, "push");
        File.WriteAllText(Path.Combine(clone, "invoicing", "pushed-quokka.md"), "---\ntitle: Pushed quokka\n---\nQuokkapush arrives by git.\n");
        Git.Run(clone, "add", ".");
        Git.Run(clone, "commit", "-q", "-m", "Add the quokka article");

        var readOnly = Git.TryRun(clone, "push", _remote.Url(reader), "main");
        Assert.NotEqual(0, readOnly.Code);
        Assert.Contains("403", readOnly.Output, StringComparison.Ordinal);

        Git.Run(clone, "push", "-q", "origin", "main");
        var pushed = DateTime.UtcNow;
        var client = _remote.Server.CreateClient();
        string results;
        do
        {
            results = await client.GetStringAsync("/api/v1/search?q=quokkapush");
        }
        while (!results.Contains("invoicing/pushed-quokka", StringComparison.Ordinal) && DateTime.UtcNow - pushed < TimeSpan.FromSeconds(2));

        Assert.Contains("invoicing/pushed-quokka", results, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/invoicing/pushed-quokka")).StatusCode);
        Assert.Equal("Dana Author", Git.Run(_remote.Server.RepositoryPath, "log", "-1", "--format=%an", "main").Trim());
    }

    [Fact]
    public async Task ForcePushAndDeletionOfMain_AreRefused_WithAMessageGitPrints()
    {
        var token = await _remote.TokenAsync("forcer@example.com", TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite);
        var clone = _remote.Clone(token, "force");
        var tip = _remote.Tip();
        Git.Run(clone, "commit", "-q", "--amend", "-m", "Rewritten history");

        var force = Git.TryRun(clone, "push", "--force", "origin", "main");
        var delete = Git.TryRun(clone, "push", "origin", ":main");

        Assert.NotEqual(0, force.Code);
        Assert.Contains("cannot be force-pushed", force.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, delete.Code);
        Assert.Contains("main cannot be deleted", delete.Output, StringComparison.Ordinal);
        Assert.Equal(tip, _remote.Tip());
    }

    [Fact]
    public async Task UnderAReviewPolicy_AuthorsPushBranchesThatOpenChangeRequests_ReviewersPublishDirectly()
    {
        var admin = await _remote.TokenForRoleAsync("policy.admin@example.com", KbRoles.Admin, TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite);
        var author = await _remote.TokenForRoleAsync("policy.author@example.com", KbRoles.Author, TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite, TokenScopes.ChangesRead);
        var reviewer = await _remote.TokenForRoleAsync("policy.reviewer@example.com", KbRoles.Reviewer, TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite, TokenScopes.ChangesApprove, TokenScopes.ChangesRead);
        var setup = _remote.Clone(admin, "policy-admin");
        Directory.CreateDirectory(Path.Combine(setup, ".kb"));
        File.WriteAllText(Path.Combine(setup, ".kb", "policy.yml"), "publish_directly: [Reviewer, Admin]\nmin_approvals: 1\n");
        Git.Run(setup, "add", ".");
        Git.Run(setup, "commit", "-q", "-m", "Require review for authors");
        Git.Run(setup, "push", "-q", "origin", "main");

        var mine = _remote.Clone(author, "policy-author");
        File.AppendAllText(Path.Combine(mine, "_index.md"), "\nA line from the author.\n");
        Git.Run(mine, "commit", "-q", "-am", "Author edit");
        var refused = Git.TryRun(mine, "push", "origin", "main");
        Assert.NotEqual(0, refused.Code);
        Assert.Contains("needs review under this repository's policy", refused.Output, StringComparison.Ordinal);

        Git.Run(mine, "push", "-q", "origin", "main:fix/author-line");
        var api = _remote.Server.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", author);
        var changes = await api.GetStringAsync("/api/v1/changes");
        Assert.Contains("\"branch\":\"fix/author-line\"", changes, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"in_review\"", changes, StringComparison.Ordinal);
        // An approval counts for the pushed commits only: pushing again puts the request back in review.
        var id = System.Text.Json.JsonDocument.Parse(changes).RootElement.EnumerateArray().Single(c => c.GetProperty("branch").GetString() == "fix/author-line").GetProperty("id").GetInt32();
        var approver = _remote.Server.CreateClient();
        approver.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", reviewer);
        Assert.Contains("\"state\":\"approved\"", await (await approver.PostAsync($"/api/v1/changes/{id}/approve", null)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        File.AppendAllText(Path.Combine(mine, "_index.md"), "Another line.\n");
        Git.Run(mine, "commit", "-q", "-am", "Second author edit");
        Git.Run(mine, "push", "-q", "origin", "HEAD:fix/author-line");
        Assert.Contains("\"state\":\"in_review\"", await api.GetStringAsync($"/api/v1/changes/{id}"), StringComparison.Ordinal);

        var direct = await api.PutAsync("/api/v1/articles/invoicing/direct", new StringContent("{\"content\":\"---\\ntitle: D\\n---\\nD\\n\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, direct.StatusCode);

        var theirs = _remote.Clone(reviewer, "policy-reviewer");
        File.WriteAllText(Path.Combine(theirs, "invoicing", "reviewed-wombat.md"), "---\ntitle: Reviewed wombat\n---\nWombatreview text.\n");
        Git.Run(theirs, "add", ".");
        Git.Run(theirs, "commit", "-q", "-m", "Reviewer publishes");
        Git.Run(theirs, "push", "-q", "origin", "main");
        var pushed = DateTime.UtcNow;
        string results;
        do
        {
            results = await _remote.Server.CreateClient().GetStringAsync("/api/v1/search?q=wombatreview");
        }
        while (!results.Contains("invoicing/reviewed-wombat", StringComparison.Ordinal) && DateTime.UtcNow - pushed < TimeSpan.FromSeconds(2));

        Assert.Contains("invoicing/reviewed-wombat", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushToABranch_PrintsTheLinkToItsChangeRequest_WhenOpenedAndWhenUpdated()
    {
        // Arrange
        var token = await _remote.TokenAsync("linked.author@example.com", TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite, TokenScopes.ChangesRead);
        var clone = _remote.Clone(token, "linked");
        File.AppendAllText(Path.Combine(clone, "_index.md"), "\nA line for review.\n");
        Git.Run(clone, "commit", "-q", "-am", "First proposal");

        // Act
        var opened = Git.TryRun(clone, "push", "origin", "HEAD:fix/linked-line");
        File.AppendAllText(Path.Combine(clone, "_index.md"), "One more line.\n");
        Git.Run(clone, "commit", "-q", "-am", "Second proposal");
        var updated = Git.TryRun(clone, "push", "origin", "HEAD:fix/linked-line");

        // Assert
        var api = _remote.Server.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var id = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync("/api/v1/changes")).RootElement.EnumerateArray()
            .Single(c => c.GetProperty("branch").GetString() == "fix/linked-line").GetProperty("id").GetInt32();
        var line = $"remote: Change request #{id}: {new Uri(_remote.Server.RootUri, $"/studio/changes/{id}")}";
        Assert.Equal(0, opened.Code);
        Assert.Contains(line, opened.Output.Split('\n').Select(l => l.TrimEnd()), StringComparer.Ordinal);
        Assert.Equal(0, updated.Code);
        Assert.Contains(line, updated.Output.Split('\n').Select(l => l.TrimEnd()), StringComparer.Ordinal);
        var published = Git.TryRun(clone, "push", "origin", "HEAD:main");
        Assert.Equal(0, published.Code);
        Assert.DoesNotContain("Change request", published.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefUpdatesHiddenInAPushCertificate_AreRefused()
    {
        // Git applies ref updates listed inside a push certificate; the server does not accept certificates at all.
        var token = await _remote.TokenAsync("certs@example.com", TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite);
        var tip = _remote.Tip();
        using var body = new MemoryStream();
        body.Write(Pkt("push-cert\0report-status\n"));
        body.Write(Pkt($"certificate version 0.1\n\n{tip} {tip} refs/heads/main\n"));
        body.Write(Pkt("push-cert-end\n"));
        body.Write("0000"u8);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_remote.Server.RootUri, "/content.git/git-receive-pack")) { Content = new ByteArrayContent(body.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-git-receive-pack-request");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("x:" + token)));

        var response = await new HttpClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(tip, _remote.Tip());
    }

    [Theory]
    [InlineData("refs/heads/a..b")]
    [InlineData("refs/heads/-option")]
    [InlineData("refs/heads/with space")]
    [InlineData("refs/heads/at@{1}")]
    [InlineData("refs/heads/ctrl\u0007bell")]
    [InlineData("refs/heads/ends.lock")]
    [InlineData("refs/tags/v1")]
    public async Task BadBranchNames_AreRefusedBeforeAnyGitCall(string reference)
    {
        // Sent as raw protocol: the git client would refuse most of these names itself, the server must too.
        var token = await _remote.TokenAsync($"raw{Guid.NewGuid():N}@example.com", TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite);
        var tip = _remote.Tip();
        using var body = new MemoryStream();
        body.Write(Pkt($"{new string('0', 40)} {tip} {reference}\0report-status side-band-64k\n"));
        body.Write("0000"u8);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_remote.Server.RootUri, "/content.git/git-receive-pack"))
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-git-receive-pack-request");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("x:" + token)));

        var response = await new HttpClient().SendAsync(request);
        var answer = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"ng {reference} invalid branch name", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(reference["refs/heads/".Length..], Git.Run(_remote.Server.RepositoryPath, "for-each-ref", "--format=%(refname)"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwentyWebSavesAndTwentyPushes_Interleaved_LeaveConsistentRefs_AndEveryChangePresent()
    {
        var token = await _remote.TokenAsync("crowd.git@example.com", TokenScopes.ArticlesRead, TokenScopes.ArticlesWrite);
        var api = _remote.Server.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var clones = Enumerable.Range(0, 20).Select(i => _remote.Clone(token, $"c{i}")).ToList();

        var pushes = clones.Select((clone, i) => Task.Run(() =>
        {
            File.WriteAllText(Path.Combine(clone, "invoicing", $"pushed-{i}.md"), $"---\ntitle: Pushed {i}\n---\nBody {i}.\n");
            Git.Run(clone, "add", ".");
            Git.Run(clone, "commit", "-q", "-m", $"Push {i}");

            // As a person does: a push from behind is refused (and told so), then pull and push again.
            var refusals = 0;
            for (var attempt = 0; attempt < 30; attempt++)
            {
                var result = Git.TryRun(clone, "push", "-q", "origin", "main");
                if (result.Code == 0)
                {
                    return refusals;
                }

                Assert.Contains("rejected", result.Output, StringComparison.Ordinal);
                refusals++;
                Git.Run(clone, "pull", "-q", "--rebase", "origin", "main");
            }

            throw new InvalidOperationException($"push {i} never landed");
        }));
        var saves = Enumerable.Range(0, 20).Select(i => api.PutAsync($"/api/v1/articles/invoicing/saved-{i}",
            new StringContent($"{{\"content\":\"---\\ntitle: Saved {i}\\n---\\nBody {i}.\\n\"}}", Encoding.UTF8, "application/json")));

        var saved = await Task.WhenAll(saves);
        await Task.WhenAll(pushes);

        Assert.All(saved, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var files = Git.Run(_remote.Server.RepositoryPath, "ls-tree", "-r", "--name-only", "main", "invoicing/");
        for (var i = 0; i < 20; i++)
        {
            Assert.Contains($"invoicing/pushed-{i}.md", files, StringComparison.Ordinal);
            Assert.Contains($"invoicing/saved-{i}.md", files, StringComparison.Ordinal);
        }

        Assert.Equal(0, Git.TryRun(_remote.Server.RepositoryPath, "fsck", "--no-progress").Code);
    }

    private static byte[] Pkt(string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        return [.. Encoding.ASCII.GetBytes((bytes.Length + 4).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)), .. bytes];
    }

    public void Dispose() => _remote.Dispose();
}
