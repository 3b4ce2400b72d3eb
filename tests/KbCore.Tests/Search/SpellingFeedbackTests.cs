using KbCore.Search;

namespace KbCore.Tests.Search;

/// <summary>"Showing results for" and "Did you mean" on a real index: said when true, and never from internal words.</summary>
public sealed class SpellingFeedbackTests : IDisposable
{
    private readonly SearchFixture _search = new(new Dictionary<string, string?>
    {
        ["invoicing/set-up-a-recurring-invoice.md"] = "---\ntitle: Set up a recurring invoice\n---\nA recurring invoice goes out on a schedule.\n",
        ["invoicing/auto-charge-recurring-invoices.md"] = "---\ntitle: Auto-charge recurring invoices\n---\nCharge the card on file for each recurring invoice.\n",
        ["invoicing/pause-a-recurring-invoice.md"] = "---\ntitle: Pause a recurring invoice\n---\nPausing keeps the schedule.\n\n## Change the schedules\n\nPick new dates.\n",
        ["invoicing/create-an-invoice.md"] = "---\ntitle: Create an invoice\n---\n## Invoice numbers\n\nEvery invoice gets a number.\n",
        ["team/override.md"] = "---\ntitle: Zorblax override for invoices\nvisibility: internal\n---\n## Zorblax steps\n\nAgents only.\n",
    });

    [Fact]
    public void Search_MisspelledWordsWithPlentyOfResults_SaysWhatItShowsResultsFor()
    {
        var response = _search.Searcher.Search(new SearchRequest("recuring invoce"));

        Assert.True(response.Total >= 3);
        Assert.Equal("recurring invoice", response.CorrectedQuery);
        Assert.Null(response.DidYouMean);
    }

    [Fact]
    public void Search_Correction_KeepsTheRestOfTheQuestionAsTyped()
    {
        var response = _search.Searcher.Search(new SearchRequest("How do I set up recuring invoces?"));

        Assert.Equal("how do i set up recurring invoices?", response.CorrectedQuery);
    }

    [Theory]
    [InlineData("recurring invoice")]
    [InlineData("pause recurring")]
    [InlineData("invoice numbers")]
    [InlineData("pausing schedule")] // "schedule" is in no title or heading, "schedules" is: an inflection, not a typo
    [InlineData("recurring invoices")]
    public void Search_WordsTheArticlesContain_AreNotCorrected(string query)
    {
        var response = _search.Searcher.Search(new SearchRequest(query));

        Assert.True(response.Total > 0);
        Assert.Null(response.CorrectedQuery);
    }

    [Fact]
    public void Search_AsTyped_SearchesWithoutCorrections_AndOffersThemWhenLittleIsFound()
    {
        var corrected = _search.Searcher.Search(new SearchRequest("invoce"));
        var asTyped = _search.Searcher.Search(new SearchRequest("invoce", AsTyped: true));

        Assert.Equal(("invoice", 4), (corrected.CorrectedQuery, corrected.Total));
        Assert.Equal(0, asTyped.Total);
        Assert.Null(asTyped.CorrectedQuery);
        Assert.Equal("invoice", asTyped.DidYouMean);
    }

    [Fact]
    public void Search_WordOnlyInternalArticlesContain_IsCorrectedForTheTeamOnly()
    {
        // "zorblex" is one edit from "zorblax", a word of an internal article only.
        var visitor = _search.Searcher.Search(new SearchRequest("zorblex recurring invoices"));
        var team = _search.Searcher.Search(new SearchRequest("zorblex recurring invoices", IncludeInternal: true));

        Assert.True(visitor.Total >= 3);
        Assert.Null(visitor.CorrectedQuery);
        Assert.Equal("zorblax recurring invoices", team.CorrectedQuery);
    }

    public void Dispose() => _search.Dispose();
}
