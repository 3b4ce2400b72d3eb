using KbCore.Search;

namespace KbCore.Tests.Search;

/// <summary>synonyms.yml at work in search: pushed like any file, applied at once, never past visibility.</summary>
public sealed class SynonymSearchTests : IDisposable
{
    private const string Synonyms = "synonyms:\n  - away message, automatic replies\n  - printer, scanner => multifunction device\n";

    private readonly SearchFixture _search = new(new Dictionary<string, string?>
    {
        ["mail/automatic-replies.md"] = "---\ntitle: Set up automatic replies\n---\nTurn on automatic replies while you are on leave.\n",
        ["mail/signatures.md"] = "---\ntitle: Add a signature\n---\nA signature closes every mail you send.\n",
        ["hardware/multifunction.md"] = "---\ntitle: Send email from a multifunction device\n---\nConfigure SMTP relay for the device.\n",
        ["hardware/printer-drivers.md"] = "---\ntitle: Install printer drivers\n---\nDrivers for the printer and its tray.\n",
        ["internal/exec-replies.md"] = "---\ntitle: Automatic replies for executives\nvisibility: internal\n---\nThe assistants set them up.\n",
    });

    [Fact]
    public void Search_FindsWhatTheArticlesCallIt_OnceTheSynonymsArePushed()
    {
        Assert.Empty(_search.Paths("away message"));

        _search.Push(new Dictionary<string, string?> { [SynonymSet.FileName] = Synonyms });

        Assert.Equal(["mail/automatic-replies"], _search.Paths("away message"));
        Assert.Equal("mail/automatic-replies", _search.Paths("how do I turn on an away message")[0]);
        Assert.Equal(_search.Store.Current.CommitSha, _search.Index.IndexedCommit);
    }

    [Fact]
    public void Search_OneWayLine_FindsTheRightSideFromTheLeft_NotTheReverse()
    {
        _search.Push(new Dictionary<string, string?> { [SynonymSet.FileName] = Synonyms });

        Assert.Equal(["hardware/printer-drivers", "hardware/multifunction"], _search.Paths("printer"));
        Assert.Equal(["hardware/multifunction"], _search.Paths("multifunction device"));
    }

    [Fact]
    public void Search_ThroughASynonym_StillHidesInternalArticlesFromAnonymousVisitors()
    {
        _search.Push(new Dictionary<string, string?> { [SynonymSet.FileName] = Synonyms });

        var anonymous = _search.Searcher.Search(new SearchRequest("away message"));
        var agent = _search.Searcher.Search(new SearchRequest("away message", IncludeInternal: true));

        Assert.Equal(1, anonymous.Total);
        Assert.Equal(["mail/automatic-replies"], anonymous.Hits.Select(h => h.Path));
        Assert.Equal(["internal/exec-replies", "mail/automatic-replies"], agent.Hits.Select(h => h.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Snippet_MarksTheWordsTheSynonymMatched()
    {
        _search.Push(new Dictionary<string, string?> { [SynonymSet.FileName] = Synonyms });

        var hit = Assert.Single(_search.Searcher.Search(new SearchRequest("away message")).Hits);

        Assert.Contains("<mark>automatic</mark> <mark>replies</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void RemovingTheSynonyms_TakesEffectWithTheCommit_DespiteCachedAnswers()
    {
        _search.Push(new Dictionary<string, string?> { [SynonymSet.FileName] = Synonyms });
        Assert.Single(_search.Paths("away message"));

        _search.Push(new Dictionary<string, string?> { [SynonymSet.FileName] = null });

        Assert.Empty(_search.Paths("away message"));
        Assert.Same(SynonymSet.Empty, _search.Index.Synonyms);
    }

    [Fact]
    public void BadSynonymLine_IsAProblemOfTheCommit_AndTheOtherLinesStillApply()
    {
        _search.Push(new Dictionary<string, string?> { [SynonymSet.FileName] = Synonyms + "  - alone\n" });

        var problem = Assert.Single(_search.Store.Current.Problems, p => p.File == SynonymSet.FileName);
        Assert.Equal(4, problem.Line);
        Assert.Equal(["mail/automatic-replies"], _search.Paths("away message"));
        Assert.DoesNotContain(_search.Store.Current.Assets.Keys, k => k == SynonymSet.FileName);
    }

    public void Dispose() => _search.Dispose();
}
