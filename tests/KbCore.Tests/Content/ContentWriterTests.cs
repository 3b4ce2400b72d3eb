using System.Text;
using KbCore.Content;
using KbCore.Tests.Infrastructure;
using LibGit2Sharp;

namespace KbCore.Tests.Content;

/// <summary>The single writer on a real bare repository: commits, merges, conflicts, refusals; never a lost word.</summary>
public sealed class ContentWriterTests : IDisposable
{
    private static readonly CommitIdentity Ana = new("Ana Author", "ana@example.com");
    private static readonly CommitIdentity Ben = new("Ben Writer", "ben@example.com");

    private readonly TempGitRepo _repo = TempGitRepo.CreateBare();
    private readonly ContentStore _store;
    private readonly ContentWriter _writer;

    public ContentWriterTests()
    {
        _repo.Commit(new Dictionary<string, string?>
        {
            ["billing/refunds.md"] = Article("Refunds", "Line one.\n\nLine two.\n\nLine three.\n"),
        });
        (_store, _writer) = TestContent.Writer(_repo.Path);
    }

    [Fact]
    public async Task Save_IsOneCommitAuthoredByThePerson_CommittedByTheServer_AndServedAtOnce()
    {
        var result = await _writer.SaveAsync("billing/new-card", Article("Add a card", "Body.\n"), null, Ana, null, default);

        Assert.Equal(SaveStatus.Committed, result.Status);
        Assert.True(result.Created);
        using var repo = new Repository(_repo.Path);
        var tip = repo.Branches["main"].Tip;
        Assert.Equal(result.CommitSha, tip.Sha);
        Assert.Equal("Ana Author", tip.Author.Name);
        Assert.Equal("ana@example.com", tip.Author.Email);
        Assert.Equal("KnowledgeBase", tip.Committer.Name);
        Assert.Equal("Create Add a card", tip.MessageShort);
        Assert.Single(tip.Parents);
        Assert.Equal(result.Revision, ((Blob)tip["billing/new-card.md"].Target).Sha);
        Assert.Equal(tip.Sha, _store.Current.CommitSha);
        Assert.True(_store.Current.Articles.ContainsKey("billing/new-card"));
    }

    [Fact]
    public async Task NonOverlappingEdits_FromTheSameBase_AreBothKept()
    {
        var base0 = Revision("billing/refunds");

        var first = await _writer.SaveAsync("billing/refunds", Article("Refunds", "Line ONE.\n\nLine two.\n\nLine three.\n"), base0, Ana, "First", default);
        var second = await _writer.SaveAsync("billing/refunds", Article("Refunds", "Line one.\n\nLine two.\n\nLine THREE.\n"), base0, Ben, "Second", default);

        Assert.False(first.Merged);
        Assert.Equal(SaveStatus.Committed, second.Status);
        Assert.True(second.Merged);
        var text = Text("billing/refunds");
        Assert.Contains("Line ONE.", text, StringComparison.Ordinal);
        Assert.Contains("Line THREE.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverlappingEdits_GiveTheSecondEditorAConflict_WithTheCurrentText_AndWriteNothing()
    {
        var base0 = Revision("billing/refunds");
        await _writer.SaveAsync("billing/refunds", Article("Refunds", "Line one, by Ana.\n\nLine two.\n\nLine three.\n"), base0, Ana, null, default);
        var tip = _repo.TipSha;

        var conflict = await _writer.SaveAsync("billing/refunds", Article("Refunds", "Line one, by Ben.\n\nLine two.\n\nLine three.\n"), base0, Ben, null, default);

        Assert.Equal(SaveStatus.Conflict, conflict.Status);
        Assert.Contains("Line one, by Ana.", conflict.CurrentContent, StringComparison.Ordinal);
        Assert.Equal(Revision("billing/refunds"), conflict.CurrentRevision);
        Assert.Equal(tip, _repo.TipSha);
    }

    [Fact]
    public async Task SavingOverAnArticleDeletedMeanwhile_IsAConflict_NotASilentResurrection()
    {
        var base0 = Revision("billing/refunds");
        Assert.Equal(SaveStatus.Committed, (await _writer.DeleteAsync("billing/refunds", base0, Ana, null, default)).Status);

        var result = await _writer.SaveAsync("billing/refunds", Article("Refunds", "Edited.\n"), base0, Ben, null, default);

        Assert.Equal(SaveStatus.Conflict, result.Status);
        Assert.Null(result.CurrentContent);
        Assert.False(_store.Current.Articles.ContainsKey("billing/refunds"));
    }

    [Fact]
    public async Task CreatingAnExistingPath_IsAConflict()
    {
        var result = await _writer.SaveAsync("billing/refunds", Article("Mine", "Other text.\n"), null, Ana, null, default);

        Assert.Equal(SaveStatus.Conflict, result.Status);
        Assert.Contains("Line one.", result.CurrentContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\ntitle: [unclosed\n---\nBody\n", "frontMatter")]
    [InlineData("---\ntitle: Fine\norder: many\n---\nBody\n", "frontMatter")]
    public async Task InvalidFrontMatter_IsRefusedWithTheLine_AndCommitsNothing(string content, string field)
    {
        var tip = _repo.TipSha;

        var result = await _writer.SaveAsync("billing/refunds", content, Revision("billing/refunds"), Ana, null, default);

        Assert.Equal(SaveStatus.Rejected, result.Status);
        Assert.Equal(field, result.Field);
        Assert.Contains("line", result.Error, StringComparison.Ordinal);
        Assert.Equal(tip, _repo.TipSha);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("billing/../../escape")]
    [InlineData(".hidden/article")]
    [InlineData("billing/.git")]
    [InlineData(".git/config")]
    [InlineData("billing/tab\tname")]
    [InlineData("billing/nul\0")]
    [InlineData("/absolute")]
    [InlineData("studio/page")]
    [InlineData("billing/article.md")]
    [InlineData("")]
    [InlineData("git~1/config")]
    [InlineData("GIT~1/config")]
    [InlineData("billing/CON")]
    [InlineData("billing/con.txt")]
    [InlineData("lpt9/article")]
    [InlineData("billing/trailing.")]
    [InlineData("billing/--upload-pack=evil")]
    [InlineData("billing/\uFF0E\uFF0E")]
    [InlineData("\uFF0Egit/config")]
    [InlineData("billing/zero\u200Bwidth")]
    [InlineData("billing/bidi\u202Eevil")]
    [InlineData("billing/bad\uFFFDbyte")]
    [InlineData("billing/cafe\u0301")]
    [InlineData("billing/\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC\u20AC")]
    public async Task HostilePaths_AreRefusedBeforeAnyGitCall(string path)
    {
        // A writer over a path that is not a repository: any git call would throw.
        var (_, writer) = TestContent.Writer(Path.Combine(Path.GetTempPath(), "kb-no-repo-" + Guid.NewGuid().ToString("N")));

        var result = await writer.SaveAsync(path, Article("X", "Y\n"), null, Ana, null, default);

        Assert.Equal(SaveStatus.Rejected, result.Status);
        Assert.Equal("path", result.Field);
    }

    [Fact]
    public async Task PushedFilesWithNamesTheStudioRefuses_CanStillBeRenamedAndDeleted_ButNotEdited()
    {
        // Arrange: names a push could bring, which the studio would not create.
        _repo.Commit(new Dictionary<string, string?>
        {
            ["billing/CON.md"] = Article("Console", "Pushed.\n"),
            ["billing/-dash.md"] = Article("Dash", "Pushed.\n"),
        });
        _store.Refresh();

        // Act
        var edit = await _writer.SaveAsync("billing/CON", Article("Console", "Edited.\n"), Revision("billing/CON"), Ana, null, default);
        var moved = await _writer.MoveAsync("billing/CON", "billing/console-setup", null, Ana, null, default);
        _store.Refresh();
        var deleted = await _writer.DeleteAsync("billing/-dash", null, Ana, null, default);

        // Assert
        Assert.Equal(SaveStatus.Rejected, edit.Status);
        Assert.Contains("reserved device name", edit.Error, StringComparison.Ordinal);
        Assert.Equal(SaveStatus.Committed, moved.Status);
        Assert.Equal(SaveStatus.Committed, deleted.Status);
        _store.Refresh();
        Assert.True(_store.Current.Articles.ContainsKey("billing/console-setup"));
        Assert.False(_store.Current.Articles.ContainsKey("billing/CON"));
        Assert.False(_store.Current.Articles.ContainsKey("billing/-dash"));
    }

    [Theory]
    [InlineData("billing/Refunds")]
    [InlineData("Billing/refunds")]
    [InlineData("BILLING/new-article")]
    public async Task NewPath_CollidingByCaseWithAnExistingOne_IsRefusedNamingIt(string path)
    {
        var tip = MainTip();

        var result = await _writer.SaveAsync(path, Article("Twin", "Twin.\n"), null, Ana, null, default);

        Assert.Equal((SaveStatus.Rejected, "path"), (result.Status, result.Field));
        Assert.Contains("billing", result.Error, StringComparison.Ordinal);
        Assert.Equal(tip, MainTip());
    }

    [Fact]
    public async Task NfcCollisions_AreRefusedForNewFiles_AndAMoveMayFixLetterCase()
    {
        // A pushed file whose name is decomposed (e + combining accent): the composed spelling is the same file on a Mac.
        _repo.Commit(new Dictionary<string, string?> { ["billing/cafe\u0301.md"] = Article("Café", "Pushed.\n") });
        _store.Refresh();

        var twin = await _writer.SaveAsync("billing/caf\u00e9", Article("Café", "Twin.\n"), null, Ana, null, default);
        var movedOnto = await _writer.MoveAsync("billing/refunds", "billing/caf\u00e9", null, Ana, null, default);
        var recased = await _writer.MoveAsync("billing/refunds", "billing/Refunds", null, Ana, null, default);

        Assert.Equal((SaveStatus.Rejected, "path"), (twin.Status, twin.Field));
        Assert.Equal((SaveStatus.Rejected, "to"), (movedOnto.Status, movedOnto.Field));
        Assert.Equal(SaveStatus.Committed, recased.Status);
    }

    [Fact]
    public async Task Attachment_NamingABlobThatDeclaresTooManyPixels_IsRefused()
    {
        // A blob that reached the repository without the upload check (pushed on a branch, say).
        var bomb = _writer.StoreBlob(TestImages.PngWithHeader(65_535, 65_535, []));
        var tip = MainTip();

        var result = await _writer.SaveAsync("billing/chart", Article("Chart", "![Chart](chart.png)\n"), null, Ana, null, default, [new ArticleAttachment("billing/chart.png", bomb)]);

        Assert.Equal((SaveStatus.Rejected, "attachments"), (result.Status, result.Field));
        Assert.Contains("megapixels", result.Error, StringComparison.Ordinal);
        Assert.Equal(tip, MainTip());
    }

    [Theory]
    [InlineData("billing/console")]
    [InlineData("billing/com10")]
    [InlineData("billing/git-tips")]
    [InlineData("billing/caf\u00e9-au-lait")]
    [InlineData("billing/v2.0-release")]
    [InlineData("billing/a-b")]
    public async Task OrdinaryNamesNearTheRules_AreStillAccepted(string path)
    {
        var result = await _writer.SaveAsync(path, Article("Near a rule", "Fine.\n"), null, Ana, null, default);

        Assert.NotEqual(SaveStatus.Rejected, result.Status);
    }

    [Fact]
    public async Task OverlongPath_IsRefused()
    {
        var result = await _writer.SaveAsync("billing/" + new string('a', 250), Article("X", "Y\n"), null, Ana, null, default);

        Assert.Equal(SaveStatus.Rejected, result.Status);
        Assert.Contains("200", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwentyConcurrentSaves_ToDifferentArticles_LandAsTwentyCommitsOnALinearHistory()
    {
        var before = _repo.TipSha;

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => _writer.SaveAsync($"parallel/article-{i}", Article($"Article {i}", $"Body {i}.\n"), null, i % 2 == 0 ? Ana : Ben, null, default))));

        Assert.All(results, r => Assert.Equal(SaveStatus.Committed, r.Status));
        using var repo = new Repository(_repo.Path);
        var history = repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = repo.Branches["main"].Tip }).TakeWhile(c => c.Sha != before).ToList();
        Assert.Equal(20, history.Count);
        Assert.All(history, c => Assert.Single(c.Parents));
        Assert.Equal(20, _store.Current.Articles.Keys.Count(k => k.StartsWith("parallel/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TwentyConcurrentSaves_OfOneArticle_FromOneBase_AreEachMergedOrRefused_AndNoMergedWordIsLost()
    {
        var lines = Enumerable.Range(0, 20).Select(i => $"Paragraph {i}.").ToList();
        var original = Article("Many", string.Join("\n\n", lines) + "\n");
        var created = await _writer.SaveAsync("billing/many", original, null, Ana, null, default);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            var edited = lines.Select((l, j) => j == i ? $"Paragraph {i} edited by writer {i}." : l);
            return (i, await _writer.SaveAsync("billing/many", Article("Many", string.Join("\n\n", edited) + "\n"), created.Revision, Ben, null, default));
        })));

        var final = Text("billing/many");
        Assert.All(results, r => Assert.True(r.Item2.Status is SaveStatus.Committed or SaveStatus.Conflict, r.Item2.Status.ToString()));
        foreach (var (i, result) in results.Where(r => r.Item2.Status == SaveStatus.Committed))
        {
            Assert.Contains($"Paragraph {i} edited by writer {i}.", final, StringComparison.Ordinal);
        }

        Assert.Contains(results, r => r.Item2.Status == SaveStatus.Committed);
    }

    [Fact]
    public async Task Delete_WithAStaleBase_IsAConflict_AndDeletedArticlesStayInHistory()
    {
        var base0 = Revision("billing/refunds");
        await _writer.SaveAsync("billing/refunds", Article("Refunds", "Changed.\n"), base0, Ana, null, default);

        var stale = await _writer.DeleteAsync("billing/refunds", base0, Ben, null, default);
        var deleted = await _writer.DeleteAsync("billing/refunds", Revision("billing/refunds"), Ben, "Remove refunds", default);

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal(SaveStatus.Committed, deleted.Status);
        using var repo = new Repository(_repo.Path);
        var tip = repo.Branches["main"].Tip;
        Assert.Null(tip["billing/refunds.md"]);
        Assert.NotNull(tip.Parents.Single()["billing/refunds.md"]);
        Assert.Equal("Ben Writer", tip.Author.Name);
    }

    private string MainTip()
    {
        using var repo = new Repository(_repo.Path);
        return repo.Branches["main"].Tip.Sha;
    }

    private static string Article(string title, string body) => $"---\ntitle: {title}\n---\n{body}";

    private string Revision(string path)
    {
        using var repo = new Repository(_repo.Path);
        return ((Blob)repo.Branches["main"].Tip[path + ".md"].Target).Sha;
    }

    private string Text(string path)
    {
        using var repo = new Repository(_repo.Path);
        return Encoding.UTF8.GetString(((Blob)repo.Branches["main"].Tip[path + ".md"].Target).GetContentStream().ReadAllBytes());
    }

    public void Dispose() => _repo.Dispose();
}
