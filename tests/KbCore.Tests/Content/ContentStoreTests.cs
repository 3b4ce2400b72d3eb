using KbCore.Content;
using KbCore.Tests.Infrastructure;
using LibGit2Sharp;

namespace KbCore.Tests.Content;

/// <summary>The published snapshot over a real bare repository: first load, refresh, events, re-use.</summary>
public sealed class ContentStoreTests : IDisposable
{
    private readonly TempGitRepo _git = TempGitRepo.CreateBare();

    public void Dispose() => _git.Dispose();

    [Fact]
    public void Current_SeededRepository_ServesSeedFolder()
    {
        // Arrange
        using var seed = new TempDirectory().WriteFiles(new Dictionary<string, string>
        {
            ["billing/invoices.md"] = "---\ntitle: Invoices\n---\nText.\n",
            ["billing/.secret.md"] = "# Secret\n",
        });
        using var target = new TempDirectory();
        var store = TestContent.Store(target.Combine("content.git"), seed.Path);

        // Act
        var snapshot = store.Current;

        // Assert
        Assert.Equal<string>(["billing/invoices"], snapshot.Articles.Keys);
        Assert.Equal(40, snapshot.CommitSha.Length);
        Assert.Equal(snapshot.CommitSha[..7], snapshot.ShortSha);
    }

    [Fact]
    public void Current_EmptyRepository_ServesEmptySnapshot()
    {
        // Arrange
        using var target = new TempDirectory();
        var store = TestContent.Store(target.Combine("content.git"));

        // Act
        var snapshot = store.Current;
        var changed = store.Refresh();

        // Assert
        Assert.Equal(string.Empty, snapshot.CommitSha);
        Assert.Empty(snapshot.Articles);
        Assert.Same(snapshot.Root, snapshot.Folders[string.Empty]);
        Assert.False(changed);
    }

    [Fact]
    public void Current_FirstAccess_RaisesContentChangedWithoutOldCommit()
    {
        // Arrange
        var sha = _git.Commit(new Dictionary<string, string?> { ["a/one.md"] = "# One\n" });
        var store = TestContent.Store(_git.Path);
        var events = new List<ContentChangedEventArgs>();
        store.ContentChanged += (_, e) => events.Add(e);

        // Act
        var snapshot = store.Current;

        // Assert
        var raised = Assert.Single(events);
        Assert.Null(raised.OldCommit);
        Assert.Equal(sha, raised.NewCommit);
        Assert.Same(snapshot, raised.Snapshot);
        Assert.Equal(sha, snapshot.CommitSha);
    }

    [Fact]
    public void Refresh_NewCommit_SwapsSnapshotAndRaisesEventOnce()
    {
        // Arrange
        var first = _git.Commit(new Dictionary<string, string?> { ["a/one.md"] = "# One\n" });
        var store = TestContent.Store(_git.Path);
        var before = store.Current;
        var events = new List<(object? Sender, ContentChangedEventArgs Args)>();
        store.ContentChanged += (sender, e) => events.Add((sender, e));
        var second = _git.Commit(new Dictionary<string, string?> { ["a/two.md"] = "# Two\n" });

        // Act
        var changed = store.Refresh();

        // Assert
        Assert.True(changed);
        var after = store.Current;
        Assert.NotSame(before, after);
        Assert.Equal(second, after.CommitSha);
        Assert.Contains("a/two", after.Articles.Keys);
        Assert.DoesNotContain("a/two", before.Articles.Keys);
        var (sender, args) = Assert.Single(events);
        Assert.Same(store, sender);
        Assert.Equal(first, args.OldCommit);
        Assert.Equal(second, args.NewCommit);
        Assert.Same(after, args.Snapshot);
    }

    [Fact]
    public void Refresh_NoNewCommit_ReturnsFalseAndRaisesNothing()
    {
        // Arrange
        _git.Commit(new Dictionary<string, string?> { ["a/one.md"] = "# One\n" });
        var store = TestContent.Store(_git.Path);
        var before = store.Current;
        var raised = 0;
        store.ContentChanged += (_, _) => raised++;

        // Act
        var changed = store.Refresh();

        // Assert
        Assert.False(changed);
        Assert.Equal(0, raised);
        Assert.Same(before, store.Current);
    }

    [Fact]
    public void Refresh_OneFileChanged_ReusesUnchangedArticleObjects()
    {
        // Arrange
        _git.Commit(new Dictionary<string, string?>
        {
            ["a/same.md"] = "# Same\n",
            ["a/edited.md"] = "# Edited v1\n",
        });
        var store = TestContent.Store(_git.Path);
        var before = store.Current;
        _git.Commit(new Dictionary<string, string?> { ["a/edited.md"] = "# Edited v2\n" });

        // Act
        store.Refresh();

        // Assert
        var after = store.Current;
        Assert.Same(before.Articles["a/same"], after.Articles["a/same"]);
        Assert.NotSame(before.Articles["a/edited"], after.Articles["a/edited"]);
        Assert.Equal("Edited v2", after.Articles["a/edited"].Title);
        Assert.Equal("Edited v1", before.Articles["a/edited"].Title);
    }

    [Fact]
    public void Refresh_FileDeleted_ArticleAndEmptyFolderDisappear()
    {
        // Arrange
        _git.Commit(new Dictionary<string, string?>
        {
            ["a/keep.md"] = "# Keep\n",
            ["b/only.md"] = "# Only\n",
            ["b/images/x.png"] = "png",
        });
        var store = TestContent.Store(_git.Path);
        _ = store.Current;
        _git.Commit(new Dictionary<string, string?> { ["b/only.md"] = null, ["b/images/x.png"] = null });

        // Act
        var changed = store.Refresh();

        // Assert
        Assert.True(changed);
        var after = store.Current;
        Assert.Equal<string>(["a/keep"], after.Articles.Keys);
        Assert.DoesNotContain("b", after.Folders.Keys);
        Assert.Empty(after.Assets);
        Assert.Null(after.Links.FindArticle("b/only"));
    }

    [Fact]
    public void Refresh_FixedFrontMatter_ArticleAppearsAndProblemGoes()
    {
        // Arrange
        _git.Commit(new Dictionary<string, string?> { ["a/x.md"] = "---\norder: abc\n---\n# X\n" });
        var store = TestContent.Store(_git.Path);
        Assert.NotEmpty(store.Current.Problems);
        _git.Commit(new Dictionary<string, string?> { ["a/x.md"] = "---\norder: 1\n---\n# X\n" });

        // Act
        store.Refresh();

        // Assert
        Assert.Empty(store.Current.Problems);
        Assert.Equal(1, store.Current.Articles["a/x"].Metadata.Order);
    }

    [Fact]
    public void Refresh_UnchangedArticleWithWarning_KeepsWarning()
    {
        // Arrange
        _git.Commit(new Dictionary<string, string?> { ["a/doubt.md"] = "---\nvisibility: maybe\n---\n# Doubt\n" });
        var store = TestContent.Store(_git.Path);
        var before = store.Current;
        _git.Commit(new Dictionary<string, string?> { ["a/other.md"] = "# Other\n" });

        // Act
        store.Refresh();

        // Assert
        var after = store.Current;
        Assert.Same(before.Articles["a/doubt"], after.Articles["a/doubt"]);
        Assert.Equal(before.Problems, after.Problems);
        Assert.Single(after.Problems);
    }

    [Fact]
    public void Refresh_UnchangedArticleWithUnknownTicketCategory_WarnsOnce()
    {
        // Arrange
        _git.Commit(new Dictionary<string, string?>
        {
            ["ticket-categories.yml"] = "categories:\n  - id: login\n",
            ["a/x.md"] = "---\nticket_categories: [nope]\n---\n# X\n",
        });
        var store = TestContent.Store(_git.Path);
        Assert.Single(store.Current.Problems);
        _git.Commit(new Dictionary<string, string?> { ["a/other.md"] = "# Other\n" });

        // Act
        store.Refresh();

        // Assert
        var problem = Assert.Single(store.Current.Problems);
        Assert.Contains("nope", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_UnchangedArticleSharingUrlWithFolder_WarnsOnce()
    {
        // Arrange
        _git.Commit(new Dictionary<string, string?>
        {
            ["billing.md"] = "# Billing\n",
            ["billing/x.md"] = "# X\n",
        });
        var store = TestContent.Store(_git.Path);
        Assert.Single(store.Current.Problems);
        _git.Commit(new Dictionary<string, string?> { ["billing/y.md"] = "# Y\n" });

        // Act
        store.Refresh();

        // Assert
        Assert.Single(store.Current.Problems);
    }

    [Fact]
    public void Refresh_TicketCategoryAddedToCatalog_WarningGoesForUnchangedArticle()
    {
        // Arrange
        _git.Commit(new Dictionary<string, string?>
        {
            ["ticket-categories.yml"] = "categories:\n  - id: login\n",
            ["a/x.md"] = "---\nticket_categories: [billing]\n---\n# X\n",
        });
        var store = TestContent.Store(_git.Path);
        Assert.Single(store.Current.Problems);
        _git.Commit(new Dictionary<string, string?> { ["ticket-categories.yml"] = "categories:\n  - id: login\n  - id: billing\n" });

        // Act
        store.Refresh();

        // Assert
        Assert.Empty(store.Current.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Refresh_PushFromAClone_IsPickedUp()
    {
        // Arrange
        _git.Commit(new Dictionary<string, string?> { ["a/one.md"] = "# One\n" });
        var store = TestContent.Store(_git.Path);
        var before = store.Current;
        using var cloneDir = new TempDirectory();
        var clonePath = Repository.Clone(_git.Path, cloneDir.Path);
        string pushed;
        using (var clone = new Repository(clonePath))
        {
            File.WriteAllText(cloneDir.Combine("a/pushed.md"), "---\ntitle: Pushed from a clone\n---\n");
            Commands.Stage(clone, "a/pushed.md");
            var who = new Signature("Dana", "dana@example.test", DateTimeOffset.UtcNow);
            pushed = clone.Commit("Add pushed", who, who).Sha;
            string? error = null;
            clone.Network.Push(clone.Network.Remotes["origin"], "refs/heads/main:refs/heads/main", new PushOptions { OnPushStatusError = e => error = e.Message });
            Assert.Null(error);
        }

        // Act
        var changed = store.Refresh();

        // Assert
        Assert.True(changed);
        Assert.Equal(pushed, store.Current.CommitSha);
        Assert.Equal("Pushed from a clone", store.Current.Articles["a/pushed"].Title);
        Assert.Same(before.Articles["a/one"], store.Current.Articles["a/one"]);
    }

    [Fact]
    public void Current_NonBareRepository_ServesBranchTip()
    {
        // Arrange
        using var git = TempGitRepo.CreateNonBare();
        var sha = git.Commit(new Dictionary<string, string?> { ["a/work-tree.md"] = "# Work tree\n" });

        // Act
        var snapshot = TestContent.Store(git.Path).Current;

        // Assert
        Assert.Equal(sha, snapshot.CommitSha);
        Assert.Equal("Work tree", snapshot.Articles["a/work-tree"].Title);
    }

    [Fact]
    public void Refresh_ConcurrentCallers_RaiseOneEventPerCommit()
    {
        // Arrange
        _git.Commit(new Dictionary<string, string?> { ["a/one.md"] = "# One\n" });
        var store = TestContent.Store(_git.Path);
        _ = store.Current;
        var raised = 0;
        store.ContentChanged += (_, _) => Interlocked.Increment(ref raised);
        _git.Commit(new Dictionary<string, string?> { ["a/two.md"] = "# Two\n" });

        // Act
        var results = new bool[8];
        Parallel.For(0, results.Length, i => results[i] = store.Refresh());

        // Assert
        Assert.Equal(1, raised);
        Assert.Single(results, r => r);
    }
}
