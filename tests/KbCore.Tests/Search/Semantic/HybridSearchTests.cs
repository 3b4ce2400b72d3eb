using KbCore.Search;

namespace KbCore.Tests.Search.Semantic;

/// <summary>Hybrid ranking with the real model: meaning finds what words miss, and never what the caller may not see.</summary>
public sealed class HybridSearchTests : IDisposable
{
    private const string VaultRunbook = "team/vault-rotation";

    private readonly SemanticFixture _kb;

    public HybridSearchTests()
    {
        var files = SemanticArticles.Files();
        files["team/_index.md"] = "---\ntitle: Team\nvisibility: internal\n---\n";
        files[VaultRunbook + ".md"] = "---\ntitle: Rotate the vault master key\nsummary: Quarterly procedure for the on-call engineer.\ntags: [secrets]\n---\nSeal the vault, generate the new key shares, hand them to the three key holders and unseal.\n";
        _kb = new SemanticFixture(files);
    }

    [Fact]
    public void Search_QuestionSharingNoWordWithTheAnswer_FindsItFirstByMeaning()
    {
        // Arrange: no synonyms file, and no word of the question in the answer's title, summary or body.
        var lexicalOnly = new ArticleSearcher(_kb.Index).Search(new SearchRequest("my away message"), useCache: false);

        // Act
        var hybrid = _kb.Search("my away message");

        // Assert
        Assert.DoesNotContain(lexicalOnly.Hits, h => h.Path == SemanticArticles.AutomaticReplies);
        Assert.Equal(SemanticArticles.AutomaticReplies, hybrid.Hits[0].Path);
        Assert.Equal(HitMatch.Meaning, hybrid.Hits[0].Match);
        Assert.Equal(hybrid.Hits.Count, hybrid.Total);
    }

    [Fact]
    public void Search_WordsAndMeaningAgree_SaysBoth()
    {
        var response = _kb.Search("reset forgotten password");

        Assert.Equal("account/reset-password", response.Hits[0].Path);
        Assert.Equal(HitMatch.Both, response.Hits[0].Match);
    }

    [Fact]
    public void Search_ParaphraseOfAnInternalArticle_NeverReachesAnonymousCallers()
    {
        // Arrange: the runbook in other words than its own.
        const string paraphrase = "replacing the encryption keys of our secrets safe each quarter";

        // Act
        var team = _kb.Search(paraphrase, includeInternal: true);
        var anonymous = _kb.Search(paraphrase);
        var filtered = _kb.Searcher.Search(new SearchRequest(paraphrase, Tag: "secrets"), useCache: false);
        var suggested = _kb.Searcher.Suggest(new SuggestionRequest(paraphrase, null, 10, IncludeInternal: false));

        // Assert: the team finds it by meaning; anonymous callers see no hit, count or facet value of it.
        Assert.Equal(VaultRunbook, team.Hits[0].Path);
        Assert.DoesNotContain(anonymous.Hits, h => h.Path == VaultRunbook);
        Assert.Equal(anonymous.Hits.Count, anonymous.Total);
        Assert.DoesNotContain(anonymous.Facets.Values.SelectMany(v => v), f => f.Value is "team" or "secrets");
        Assert.Equal(0, filtered.Total);
        Assert.DoesNotContain(suggested, s => s.Path == VaultRunbook);
    }

    [Fact]
    public void Search_Filters_ApplyToArticlesFoundByMeaning_AndFacetsCountThem()
    {
        var all = _kb.Search("my away message");
        var mailCount = all.Facets["category"].Single(f => f.Value == "mail").Count;

        var mail = _kb.Searcher.Search(new SearchRequest("my away message", Category: "mail"), useCache: false);
        var devices = _kb.Searcher.Search(new SearchRequest("my away message", Category: "devices"), useCache: false);

        Assert.Equal(mailCount, mail.Total);
        Assert.All(mail.Hits, h => Assert.Equal("mail", h.Category));
        Assert.DoesNotContain(devices.Hits, h => h.Path == SemanticArticles.AutomaticReplies);
    }

    [Fact]
    public void Search_QuotedQuery_StaysWithTheWordsAsked()
    {
        var response = _kb.Search("\"away message\"");

        Assert.DoesNotContain(response.Hits, h => h.Match.HasFlag(HitMatch.Meaning));
    }

    [Fact]
    public void Search_QuestionTheHelpCenterDoesNotCover_StillHasNoResults()
    {
        var response = _kb.Search("zzqx frobnicate");

        Assert.Equal(0, response.Total);
    }

    [Fact]
    public void Suggest_TicketInTheCustomersWords_SuggestsTheAnswerByMeaning()
    {
        var suggestions = _kb.Searcher.Suggest(new SuggestionRequest("Customer wants to set up an away message for her holidays", null, 3, IncludeInternal: false));

        Assert.Equal(SemanticArticles.AutomaticReplies, suggestions[0].Path);
        Assert.Contains("meaning", suggestions[0].Why);
    }

    [Fact]
    public void Search_PagesOfAFusedList_DoNotRepeatOrLoseResults()
    {
        var first = _kb.Searcher.Search(new SearchRequest("mail", PageSize: 2), useCache: false);
        var second = _kb.Searcher.Search(new SearchRequest("mail", Page: 2, PageSize: 2), useCache: false);
        var whole = _kb.Searcher.Search(new SearchRequest("mail", PageSize: 50), useCache: false);

        Assert.Equal(whole.Hits.Take(4).Select(h => h.Path), first.Hits.Concat(second.Hits).Select(h => h.Path));
        Assert.Equal(whole.Total, first.Total);
    }

    [Theory]
    [MemberData(nameof(HostileQueries.All), MemberType = typeof(HostileQueries))]
    public void HostileOrOddInput_NeverThrows_InHybridMode(string query)
    {
        var response = _kb.Searcher.Search(new SearchRequest(query), useCache: false);
        var suggestions = _kb.Searcher.Suggest(new SuggestionRequest(query, null, 5, IncludeInternal: false));
        var long1000 = _kb.Searcher.Search(new SearchRequest(string.Join(' ', Enumerable.Repeat(query + "x~^2", 100))), useCache: false);

        Assert.True(response.Total >= response.Hits.Count);
        Assert.NotNull(suggestions);
        Assert.True(long1000.Total >= long1000.Hits.Count);
    }

    public void Dispose() => _kb.Dispose();
}
