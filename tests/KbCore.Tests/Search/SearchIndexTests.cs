namespace KbCore.Tests.Search;

/// <summary>The index follows git: adds, edits, renames, deletes, restarts, corruption.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly SearchFixture _search = new(new Dictionary<string, string?>
    {
        ["billing/refunds.md"] = "---\ntitle: Request a refund\ntags: [billing]\n---\nAsk for your money back within 30 days.\n",
        ["billing/invoices.md"] = "---\ntitle: Download invoices\n---\nEvery invoice is a PDF you can download.\n",
    });

    [Fact]
    public void Update_AddEditRenameDelete_AreFollowed()
    {
        // Add
        _search.Push(new Dictionary<string, string?> { ["billing/vouchers.md"] = "---\ntitle: Redeem a voucher\n---\nEnter the zebracode at checkout.\n" });
        Assert.Equal(["billing/vouchers"], _search.Paths("zebracode"));

        // Edit
        _search.Push(new Dictionary<string, string?> { ["billing/vouchers.md"] = "---\ntitle: Redeem a voucher\n---\nEnter the giraffecode at checkout.\n" });
        Assert.Empty(_search.Paths("zebracode"));
        Assert.Equal(["billing/vouchers"], _search.Paths("giraffecode"));

        // Rename
        _search.Push(new Dictionary<string, string?>
        {
            ["billing/vouchers.md"] = null,
            ["billing/coupons.md"] = "---\ntitle: Redeem a voucher\n---\nEnter the giraffecode at checkout.\n",
        });
        Assert.Equal(["billing/coupons"], _search.Paths("giraffecode"));

        // Delete
        _search.Push(new Dictionary<string, string?> { ["billing/coupons.md"] = null });
        Assert.Empty(_search.Paths("giraffecode"));
        Assert.Equal(_search.Store.Current.CommitSha, _search.Index.IndexedCommit);
    }

    [Fact]
    public void CamelCaseFolderNames_AreSearchableWordByWord_AndWhole()
    {
        _search.Push(new Dictionary<string, string?> { ["ExchangeOnline/MailFlow/connectors.md"] = "---\ntitle: Set up connectors\n---\nRoute messages.\n" });

        Assert.Equal(["ExchangeOnline/MailFlow/connectors"], _search.Paths("online"));
        Assert.Equal(["ExchangeOnline/MailFlow/connectors"], _search.Paths("mail flow"));
        Assert.Equal(["ExchangeOnline/MailFlow/connectors"], _search.Paths("exchangeonline"));
    }

    [Fact]
    public void Restart_AfterCommitsTheIndexMissed_CatchesUp()
    {
        // Arrange: a commit lands while the index is closed (a crash between git commit and index commit).
        _search.Restart();
        _search.Git.Commit(new Dictionary<string, string?> { ["billing/late.md"] = "---\ntitle: Late fees\n---\nThe okapifee applies after 14 days.\n" });
        _search.Store.Refresh();

        // Act
        _search.Index.Update(_search.Store.Current);

        // Assert
        Assert.Equal(["billing/late"], _search.Paths("okapifee"));
        Assert.Equal(_search.Store.Current.CommitSha, _search.Index.IndexedCommit);
    }

    [Fact]
    public void Restart_WithCorruptIndexFiles_RebuildsFromGit()
    {
        // Arrange: damage every segment file of the live generation.
        _search.Index.Dispose();
        var generation = Path.Combine(_search.IndexDirectory, File.ReadAllText(Path.Combine(_search.IndexDirectory, "CURRENT")).Trim());
        foreach (var file in Directory.GetFiles(generation).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
        {
            File.WriteAllBytes(file, [1, 2, 3, 4]);
        }

        // Act
        _search.Restart();
        _search.Index.Update(_search.Store.Current);

        // Assert
        Assert.Equal(["billing/refunds"], _search.Paths("refund"));
        Assert.NotEqual(generation, Path.Combine(_search.IndexDirectory, File.ReadAllText(Path.Combine(_search.IndexDirectory, "CURRENT")).Trim()));
    }

    [Fact]
    public async Task Rebuild_WhileSearching_SearchKeepsAnswering()
    {
        // Arrange
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var answered = 0;
        var searching = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (_search.Paths("refund").Count == 1)
                {
                    Interlocked.Increment(ref answered);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });

        SpinWait.SpinUntil(() => Volatile.Read(ref answered) > 0, TimeSpan.FromSeconds(10));

        // Act
        for (var i = 0; i < 5; i++)
        {
            _search.Index.Rebuild(_search.Store.Current);
        }

        var before = Volatile.Read(ref answered);
        SpinWait.SpinUntil(() => Volatile.Read(ref answered) > before, TimeSpan.FromSeconds(10));

        stop.Cancel();
        await searching;

        // Assert
        Assert.Equal(0, failures);
        Assert.True(answered > 0);
    }

    public void Dispose() => _search.Dispose();
}
