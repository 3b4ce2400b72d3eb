namespace KbCore.Search;

/// <summary>A page of results with facet counts over all matches, and spelling feedback.</summary>
/// <param name="DidYouMean">When results are few: the query with likelier spellings, to search instead.</param>
/// <param name="CorrectedQuery">
/// When results are plenty and some of them were found through corrected spellings of words no visible article
/// contains: the query as corrected ("Showing results for recurring invoice" for "recuring invoce"). Never set with
/// <see cref="DidYouMean"/>, nor for a search <see cref="SearchRequest.AsTyped"/>.
/// </param>
public sealed record SearchResponse(
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    string? DidYouMean,
    string? CorrectedQuery = null)
{
    public static SearchResponse Empty { get; } = new(0, [], new Dictionary<string, IReadOnlyList<FacetCount>>(), null);
}
