using KbCore.Content;
using KbCore.Tests.Infrastructure;
using LibGit2Sharp;

namespace KbCore.Tests.Content;

/// <summary>Moving articles (links, redirects, history) and reading history back, on a real bare repository.</summary>
public sealed class MoveAndHistoryTests : IDisposable
{
    private static readonly CommitIdentity Ana = new("Ana Author", "ana@example.com");

    private readonly TempGitRepo _repo = TempGitRepo.CreateBare();
    private readonly ContentStore _store;
    private readonly ContentWriter _writer;

    public MoveAndHistoryTests()
    {
        _repo.Commit(new Dictionary<string, string?>
        {
            ["billing/refunds.md"] = "---\ntitle: Refunds\n---\nHow refunds work.\n",
            ["billing/cards.md"] = "---\ntitle: Cards\n---\nSee [refunds](refunds.md#when) and [[billing/refunds|the refunds page]].\n\n```\n[not a link](refunds.md)\n```\n",
            ["account/profile.md"] = "---\ntitle: Profile\n---\nRead [refunds](../billing/refunds.md) or [cards](../billing/cards.md).\n",
        });
        (_store, _writer) = TestContent.Writer(_repo.Path);
    }

    [Fact]
    public async Task Move_IsOneCommit_WithLinksRewritten_AndARedirect()
    {
        var before = _repo.TipSha;

        var result = await _writer.MoveAsync("billing/refunds", "payments/refunds-and-returns", null, Ana, null, default);

        Assert.Equal(SaveStatus.Committed, result.Status);
        using var repo = new Repository(_repo.Path);
        var tip = repo.Branches["main"].Tip;
        Assert.Equal(before, tip.Parents.Single().Sha);
        Assert.Null(tip["billing/refunds.md"]);
        Assert.NotNull(tip["payments/refunds-and-returns.md"]);
        var cards = Text(tip, "billing/cards.md");
        Assert.Contains("[refunds](../payments/refunds-and-returns.md#when)", cards, StringComparison.Ordinal);
        Assert.Contains("[[payments/refunds-and-returns|the refunds page]]", cards, StringComparison.Ordinal);
        Assert.Contains("[not a link](refunds.md)", cards, StringComparison.Ordinal);
        Assert.Contains("[refunds](../payments/refunds-and-returns.md)", Text(tip, "account/profile.md"), StringComparison.Ordinal);
        Assert.Contains("[cards](../billing/cards.md)", Text(tip, "account/profile.md"), StringComparison.Ordinal);
        Assert.Equal("payments/refunds-and-returns", _store.Current.Redirects["billing/refunds"]);
        Assert.DoesNotContain(_store.Current.Problems, p => p.Message.Contains("broken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MovingAgain_UpdatesEarlierRedirects_AndMovingBackRemovesTheLoop()
    {
        await _writer.MoveAsync("billing/refunds", "payments/refunds", null, Ana, null, default);
        await _writer.MoveAsync("payments/refunds", "payments/returns", null, Ana, null, default);

        Assert.Equal("payments/returns", _store.Current.Redirects["billing/refunds"]);
        Assert.Equal("payments/returns", _store.Current.Redirects["payments/refunds"]);

        await _writer.MoveAsync("payments/returns", "billing/refunds", null, Ana, null, default);
        Assert.False(_store.Current.Redirects.ContainsKey("billing/refunds"));
        Assert.Equal("billing/refunds", _store.Current.Redirects["payments/returns"]);
    }

    [Fact]
    public async Task Move_OntoAnExistingArticle_OrWithAStaleBase_IsRefused()
    {
        var onto = await _writer.MoveAsync("billing/refunds", "billing/cards", null, Ana, null, default);
        var stale = await _writer.MoveAsync("billing/refunds", "billing/elsewhere", new string('a', 40), Ana, null, default);
        var bad = await _writer.MoveAsync("billing/refunds", "../outside", null, Ana, null, default);

        Assert.Equal(SaveStatus.Rejected, onto.Status);
        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal("to", bad.Field);
    }

    [Fact]
    public async Task History_FollowsRenames_AndKeepsDeletedArticlesRestorable()
    {
        var revisions = new ArticleRevisions(new ContentRepository(Microsoft.Extensions.Options.Options.Create(TestContent.Options(_repo.Path)), Microsoft.Extensions.Logging.Abstractions.NullLogger<ContentRepository>.Instance),
            Microsoft.Extensions.Options.Options.Create(TestContent.Options(_repo.Path)));
        var first = _store.Current.Articles["billing/refunds"].BlobSha;
        await _writer.SaveAsync("billing/refunds", "---\ntitle: Refunds\n---\nHow refunds work, updated.\n", first, Ana, "Update", default);
        await _writer.MoveAsync("billing/refunds", "payments/refunds", null, Ana, "Move", default);

        var moved = revisions.History("payments/refunds.md");
        Assert.Equal(["Move", "Update", "test commit"], moved.Select(r => r.Message));
        Assert.Equal("billing/refunds.md", moved[^1].FilePath);
        Assert.Equal("How refunds work.\n", revisions.TextAt(moved[^1].CommitSha, moved[^1].FilePath)!.Split("---\n")[^1]);

        await _writer.DeleteAsync("payments/refunds", null, Ana, "Remove", default);
        var deleted = revisions.History("payments/refunds.md");
        Assert.Equal("Remove", deleted[0].Message);
        Assert.Null(deleted[0].BlobSha);
        Assert.NotNull(deleted[1].BlobSha);
    }

    [Fact]
    public async Task Move_RebasesTheArticlesOwnRelativeLinksAndImages_ForItsNewFolder()
    {
        _repo.Commit(new Dictionary<string, string?>
        {
            ["billing/images/card.png"] = "png",
            ["billing/pictured.md"] = "---\ntitle: Pictured\n---\n![card](images/card.png) and [cards](cards.md) and [web](https://example.com/x.md) and [top](#top).\n",
        });
        _store.Refresh();

        await _writer.MoveAsync("billing/pictured", "payments/online/pictured", null, Ana, null, default);

        using var repo = new Repository(_repo.Path);
        var text = Text(repo.Branches["main"].Tip, "payments/online/pictured.md");
        Assert.Contains("![card](../../billing/images/card.png)", text, StringComparison.Ordinal);
        Assert.Contains("[cards](../../billing/cards.md)", text, StringComparison.Ordinal);
        Assert.Contains("[web](https://example.com/x.md)", text, StringComparison.Ordinal);
        Assert.Contains("[top](#top)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Move_ChangesOnlyLinks_EveryFrontMatterStaysByteForByte()
    {
        // Arrange: front matter as people write it in their own editors (CRLF, comments, flow and block lists, quotes).
        const string moved = "---\r\ntitle: 'Partial refunds'   # short\r\ntags: [billing, refunds]\r\n\r\n# Position.\r\norder: 2\r\n---\r\n\r\nSee [cards](cards.md).\r\n";
        const string linking = "---\ntitle: \"Card payments\"\ntags:\n  - billing\n# Kept as written.\nlegacy_id: 7\n---\nRead [partial refunds](partial.md).\n";
        _repo.Commit(new Dictionary<string, string?> { ["billing/partial.md"] = moved, ["billing/card-payments.md"] = linking });
        _store.Refresh();

        // Act
        var result = await _writer.MoveAsync("billing/partial", "payments/partial", null, Ana, null, default);

        // Assert
        Assert.Equal(SaveStatus.Committed, result.Status);
        using var repo = new Repository(_repo.Path);
        var tip = repo.Branches["main"].Tip;
        Assert.Equal(moved.Replace("(cards.md)", "(../billing/cards.md)", StringComparison.Ordinal), Text(tip, "payments/partial.md"));
        Assert.Equal(linking.Replace("(partial.md)", "(../payments/partial.md)", StringComparison.Ordinal), Text(tip, "billing/card-payments.md"));
    }

    [Fact]
    public async Task Move_OutOfAnInternalFolder_IsRefused_SoNothingIsPublishedByAccident()
    {
        _repo.Commit(new Dictionary<string, string?>
        {
            ["team/_index.md"] = "---\ntitle: Team\nvisibility: internal\n---\n",
            ["team/runbook.md"] = "---\ntitle: Runbook\n---\nSecret steps.\n",
            ["team/deep/_index.md"] = "---\ntitle: Deep\n---\n",
        });
        _store.Refresh();

        var outward = await _writer.MoveAsync("team/runbook", "billing/runbook", null, Ana, null, default);
        var within = await _writer.MoveAsync("team/runbook", "team/deep/runbook", null, Ana, null, default);

        Assert.Equal(SaveStatus.Rejected, outward.Status);
        Assert.Contains("internal", outward.Error, StringComparison.Ordinal);
        Assert.Equal(SaveStatus.Committed, within.Status);
        Assert.False(_store.Current.Articles["team/deep/runbook"].IsPublic);
    }

    [Fact]
    public async Task Attachments_ThatAreNotImageBlobs_AreRefused()
    {
        var textBlob = _store.Current.Articles["billing/refunds"].BlobSha;

        var result = await _writer.SaveAsync("billing/new", "---\ntitle: New\n---\n![x](images/x.png)\n", null, Ana, null, default,
            [new ArticleAttachment("billing/images/x.png", textBlob)]);

        Assert.Equal(SaveStatus.Rejected, result.Status);
        Assert.Equal("attachments", result.Field);
    }

    [Fact]
    public async Task ANewArticleAtAFoldersPath_IsRefused()
    {
        var result = await _writer.SaveAsync("billing", "---\ntitle: Billing\n---\nText\n", null, Ana, null, default);

        Assert.Equal(SaveStatus.Rejected, result.Status);
        Assert.Contains("folder", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BranchUpdate_FromAStaleTip_IsRefused_SoAPushIsNeverOrphaned()
    {
        using var repo = new Repository(_repo.Path);
        var stale = repo.Branches["main"].Tip;
        var pushed = _repo.Commit(new Dictionary<string, string?> { ["pushed.md"] = "# Pushed meanwhile\n" });
        var late = repo.ObjectDatabase.CreateCommit(new Signature("a", "a@x", DateTimeOffset.UtcNow), new Signature("a", "a@x", DateTimeOffset.UtcNow), "late", stale.Tree, [stale], false);

        Assert.Throws<BranchMovedException>(() => GitRefs.CompareAndSwap(repo.Info.Path, "refs/heads/main", late.Sha, stale.Sha, "late"));
        Assert.Equal(pushed, _repo.TipSha);
        GitRefs.CompareAndSwap(repo.Info.Path, "refs/heads/main", late.Sha, pushed, "on time");
        Assert.Equal(late.Sha, _repo.TipSha);
    }

    private static string Text(Commit commit, string path) => ((Blob)commit[path].Target).GetContentText();

    public void Dispose() => _repo.Dispose();
}
