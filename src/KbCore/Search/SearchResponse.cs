namespace KbCore.Search;

/// <summary>A page of results with facet counts over all matches, and a spelling suggestion when results are few.</summary>
public sealed record SearchResponse(
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    string? DidYouMean)
{
    public static SearchResponse Empty { get; } = new(0, [], new Dictionary<string, IReadOnlyList<FacetCount>>(), null);
}
