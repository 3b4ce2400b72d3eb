using KbCore.Search;

namespace KbCore.Tests.Search;

/// <summary>As-you-type titles on a real index: title words first, then articles that cover the words, then typos.</summary>
public sealed class AutocompleteTests : IDisposable
{
    private readonly SearchFixture _search = new(new Dictionary<string, string?>
    {
        ["start/keyboard-shortcuts.md"] = "---\ntitle: Keyboard shortcuts\n---\nPress ? to see them all.\n",
        ["start/tour-the-dashboard.md"] = "---\ntitle: Tour the dashboard\n---\nEach card explained.\n\n## Keyboard shortcuts\n\nPress ? anywhere.\n",
        ["help/fix-display-problems.md"] = "---\ntitle: Fix display problems\n---\nClear the cache with the shortcut for your browser.\n",
        ["help/print-an-invoice.md"] = "---\ntitle: Print an invoice\n---\nUse the print button.\n",
        ["team/shortcut-runbook.md"] = "---\ntitle: Shortcut runbook for agents\nvisibility: internal\n---\nAgents only.\n",
    });

    [Fact]
    public void Autocomplete_Word_ListsTitleMatchesFirstThenHeadingThenBody()
    {
        var completions = _search.Searcher.Autocomplete("shortcut", includeInternal: false);

        Assert.Equal(["start/keyboard-shortcuts", "start/tour-the-dashboard", "help/fix-display-problems"], completions.Select(c => c.Path));
        Assert.Equal("Keyboard shortcuts", completions[0].Title);
    }

    [Theory]
    [InlineData("short")] // the start of a word, as it is being typed
    [InlineData("keyboard sho")]
    [InlineData("SHORTCUTS")]
    public void Autocomplete_PrefixOfAnyTitleWord_FindsTheTitle(string typed)
    {
        var completions = _search.Searcher.Autocomplete(typed, includeInternal: false);

        Assert.Equal("start/keyboard-shortcuts", completions[0].Path);
    }

    [Fact]
    public void Autocomplete_Typo_FallsBackToCloseWordsOfTitlesAndHeadings()
    {
        var completions = _search.Searcher.Autocomplete("shortcts", includeInternal: false);

        Assert.Equal(["start/keyboard-shortcuts", "start/tour-the-dashboard"], completions.Select(c => c.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Autocomplete_InternalArticles_OnlyForTheTeam()
    {
        var visitor = _search.Searcher.Autocomplete("shortcut", includeInternal: false);
        var team = _search.Searcher.Autocomplete("shortcut", includeInternal: true);

        Assert.DoesNotContain(visitor, c => c.Path == "team/shortcut-runbook");
        Assert.Equal(2, team.Take(2).Count(c => c.Path is "team/shortcut-runbook" or "start/keyboard-shortcuts"));
    }

    [Fact]
    public void Autocomplete_ManyMatches_IsLimitedToEightWithTitlesFirst()
    {
        var files = new Dictionary<string, string?>();
        for (var i = 0; i < 12; i++)
        {
            files[$"more/body-{i}.md"] = $"---\ntitle: Topic {i}\n---\nA shortcut for topic {i}.\n";
        }

        _search.Push(files);

        var completions = _search.Searcher.Autocomplete("shortcut", includeInternal: false);

        Assert.Equal(ArticleSearcher.MaxCompletions, completions.Count);
        Assert.Equal(["start/keyboard-shortcuts", "start/tour-the-dashboard"], completions.Take(2).Select(c => c.Path));
        Assert.Equal(completions.Count, completions.Select(c => c.Path).Distinct().Count());
    }

    public void Dispose() => _search.Dispose();
}
