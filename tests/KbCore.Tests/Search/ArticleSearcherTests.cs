using KbCore.Search;

namespace KbCore.Tests.Search;

/// <summary>Queries as people type them, ranked and filtered by visibility.</summary>
public sealed class ArticleSearcherTests : IDisposable
{
    private readonly SearchFixture _search = new(new Dictionary<string, string?>
    {
        ["email/_index.md"] = "---\ntitle: Email\n---\n",
        ["email/junk-filter.md"] = "---\ntitle: Junk email filter keeps catching invoices\ntags: [email, spam]\nticket_categories: [mail-delivery]\n---\n## Why it happens\n\nThe junk email filter scores messages from new senders.\n",
        ["email/autodiscover.md"] = "---\ntitle: Autodiscover fails to find the mailbox\ntags: [email]\n---\nAutodiscover looks up your mailbox settings.\n",
        ["meetings/recording.md"] = "---\ntitle: Teams meeting recording is missing\ntags: [teams]\n---\nA meeting recording appears in the chat after the meeting ends.\n",
        ["support/escalation.md"] = "---\ntitle: Quokkaword escalation runbook\nsummary: Quokkaword summary\ntags: [quokkaword]\nticket_categories: [quokkaword-cat]\nvisibility: internal\n---\nOnly quokkaword agents may use this.\n",
    });

    [Theory]
    [InlineData("autodiscovr", "email/autodiscover")]
    [InlineData("junk emial filter", "email/junk-filter")]
    [InlineData("teams meating recording", "meetings/recording")]
    [InlineData("autodis", "email/autodiscover")]
    [InlineData("why does junk filter catch my invoices", "email/junk-filter")]
    public void Search_TyposPrefixesAndQuestions_FindTheRightArticleFirst(string query, string expected)
    {
        var paths = _search.Paths(query);

        Assert.NotEmpty(paths);
        Assert.Equal(expected, paths[0]);
    }

    [Fact]
    public void Search_InternalArticle_IsInvisibleToAnonymousCallersThroughEveryChannel()
    {
        // Act
        var response = _search.Searcher.Search(new SearchRequest("quokkaword"));
        var faceted = _search.Searcher.Search(new SearchRequest("email", Tag: "quokkaword"));
        var broad = _search.Searcher.Search(new SearchRequest("runbook escalation agents"));
        var completions = _search.Searcher.Autocomplete("quokka", includeInternal: false);
        var team = _search.Searcher.Search(new SearchRequest("quokkaword", IncludeInternal: true));

        // Assert
        Assert.Equal(0, response.Total);
        Assert.Empty(response.Hits);
        Assert.Equal(0, faceted.Total);
        Assert.DoesNotContain(broad.Hits, h => h.Title.Contains("Quokkaword", StringComparison.Ordinal));
        Assert.All(broad.Facets.Values.SelectMany(v => v), f => Assert.DoesNotContain("quokkaword", f.Value, StringComparison.Ordinal));
        Assert.Null(response.DidYouMean);
        Assert.Empty(completions);
        Assert.Equal(1, team.Total);
    }

    [Fact]
    public void Search_Snippet_MarksStemmedMatchesAndEscapesEverythingElse()
    {
        _search.Push(new Dictionary<string, string?> { ["email/html.md"] = "---\ntitle: Markup\n---\nType <b>filters</b> & more filtering.\n" });

        var hit = _search.Searcher.Search(new SearchRequest("filter markup")).Hits.Single(h => h.Path == "email/html");

        Assert.Contains("<mark>filters</mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("&amp;", hit.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_FacetsAndFilters_CountAndNarrow()
    {
        var all = _search.Searcher.Search(new SearchRequest("email"));
        var filtered = _search.Searcher.Search(new SearchRequest("email", TicketCategory: "mail-delivery"));

        Assert.Contains(all.Facets["tag"], f => f is { Value: "email", Count: 2 });
        Assert.Equal(["email/junk-filter"], filtered.Hits.Select(h => h.Path));
    }

    [Fact]
    public void Search_DocsImageDirective_IndexesItsAltTextNotItsAttributes()
    {
        _search.Push(new Dictionary<string, string?>
        {
            ["email/screenshot.md"] = "---\ntitle: Screenshots\n---\nBefore.\n\n:::image type=\"content\" source=\"media/quasarfile.png\" alt-text=\"The nebulaword dialog.\":::\n",
        });

        var hit = Assert.Single(_search.Searcher.Search(new SearchRequest("nebulaword")).Hits);

        Assert.Equal("email/screenshot", hit.Path);
        Assert.DoesNotContain("source", hit.Snippet, StringComparison.Ordinal);
        Assert.Equal(0, _search.Searcher.Search(new SearchRequest("quasarfile")).Total);
    }

    [Fact]
    public void Search_FacetCounts_CoverEveryMatchNotOnlyTheBestHits()
    {
        // More matches than any page or rescoring depth: the counts must still add up to what a filter returns.
        var files = new Dictionary<string, string?>();
        for (var i = 0; i < 1_100; i++)
        {
            var tag = i < 700 ? "alpha" : "beta";
            files[$"widgets/widget-{i}.md"] = $"---\ntitle: Widget {i}\ntags: [{tag}]\n---\nThe widget number {i}.\n";
        }

        _search.Push(files);

        var all = _search.Searcher.Search(new SearchRequest("widget"));
        var alpha = _search.Searcher.Search(new SearchRequest("widget", Tag: "alpha"));

        Assert.Equal(1_100, all.Total);
        Assert.Contains(all.Facets["tag"], f => f is { Value: "alpha", Count: 700 });
        Assert.Contains(all.Facets["tag"], f => f is { Value: "beta", Count: 400 });
        Assert.Contains(all.Facets["category"], f => f.Count == 1_100);
        Assert.Equal(700, alpha.Total);
    }

    [Fact]
    public void Search_WordFarIntoALongBody_IsFoundThoughOnlyTheStartIsKeptForSnippets()
    {
        var filler = string.Join(' ', Enumerable.Repeat("lorem ipsum dolor sit amet", 400));
        _search.Push(new Dictionary<string, string?> { ["email/long.md"] = $"---\ntitle: Long article\n---\nOpening words.\n\n{filler}\n\nThe zanzibarword appears at the end.\n" });

        var hit = Assert.Single(_search.Searcher.Search(new SearchRequest("zanzibarword")).Hits);

        Assert.Equal("email/long", hit.Path);
        Assert.StartsWith("Opening words.", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_FewResults_SuggestsTheCommonSpelling()
    {
        var response = _search.Searcher.Search(new SearchRequest("recordng"));

        Assert.Equal("recording", response.DidYouMean);
    }

    [Fact]
    public void Search_TypoThatArticlesShareToo_AlsoFindsTheCommonSpelling()
    {
        // "calender" is in three articles (their own typo), so it is a known word; "calendar" is in 60.
        var files = new Dictionary<string, string?>();
        for (var i = 0; i < 60; i++)
        {
            files[$"calendar/topic-{i}.md"] = $"---\ntitle: Calendar topic {i}\n---\nThe calendar shows item {i}.\n";
        }

        for (var i = 0; i < 3; i++)
        {
            files[$"print/calender-{i}.md"] = $"---\ntitle: Calender roller {i} jams\n---\nThe calender roller of the press.\n";
        }

        using var search = new SearchFixture(files);

        var response = search.Searcher.Search(new SearchRequest("calender", PageSize: 100));

        Assert.Equal(63, response.Total);
        Assert.All(response.Hits.Take(3), h => Assert.StartsWith("print/calender-", h.Path, StringComparison.Ordinal));
    }

    private static readonly string[] MarkupWords = ["svg", "viewbox", "path", "markdown", "alert", "class", "footnote", "fnref", "checkbox", "disabled", "aria", "td", "dl"];

    private static readonly string[] ReaderWords = ["alertword", "footnoteword", "termword", "definitionword", "taskword", "headerword", "cellword"];

    [Fact]
    public void Search_MarkdownExtensions_IndexTheirTextNotTheirMarkup()
    {
        // Alerts, footnotes, definition lists, tables and task lists render their own HTML (an alert's icon is an SVG
        // path): none of it is the article's words, and every word a reader sees in them must still be found.
        _search.Push(new Dictionary<string, string?>
        {
            ["email/extensions.md"] = "---\ntitle: Wombat settings\n---\n> [!WARNING]\n> Back up the wombat registry alertword.\n\n"
                + "Set the wombat flag[^1].\n\n[^1]: Only on footnoteword servers.\n\nTermword\n:   Definitionword here.\n\n- [x] Taskword checked\n\n"
                + "| Headerword | Value |\n| --- | --- |\n| cellword | wombat |\n",
        });

        var markup = MarkupWords.Where(word => _search.Paths(word).Contains("email/extensions"));
        var lost = ReaderWords.Where(word => !_search.Paths(word).Contains("email/extensions"));
        var hit = _search.Searcher.Search(new SearchRequest("wombat registry")).Hits.Single(h => h.Path == "email/extensions");

        Assert.Empty(markup);
        Assert.Empty(lost);
        Assert.DoesNotContain("&lt;", hit.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("&quot;", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>registry</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileQueries.All), MemberType = typeof(HostileQueries))]
    public void Search_HostileOrOddInput_NeverThrows(string query)
    {
        var response = _search.Searcher.Search(new SearchRequest(query));
        var completions = _search.Searcher.Autocomplete(query, includeInternal: false);

        Assert.NotNull(response);
        Assert.NotNull(completions);
    }

    [Fact]
    public void Search_ThousandCharacters_NeverThrows()
    {
        var response = _search.Searcher.Search(new SearchRequest(string.Join(' ', Enumerable.Repeat("recording~^2", 100))));

        Assert.NotNull(response);
    }

    public void Dispose() => _search.Dispose();
}
