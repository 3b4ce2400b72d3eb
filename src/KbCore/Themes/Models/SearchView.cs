namespace KbCore.Themes.Models;

/// <summary>The search page: templates/search.liquid.</summary>
/// <param name="Available">False while the index is being built for the first time.</param>
/// <param name="DidYouMeanUrl">Search URL for <paramref name="DidYouMean"/>, or empty.</param>
/// <param name="PreviousUrl">Empty on the first page.</param>
/// <param name="NextUrl">Empty on the last page.</param>
public sealed record SearchView(
    string Query,
    IReadOnlyList<SearchResultView> Results,
    bool Available,
    int Total = 0,
    string DidYouMean = "",
    string DidYouMeanUrl = "",
    IReadOnlyList<FacetGroupView>? Facets = null,
    int Page = 1,
    string PreviousUrl = "",
    string NextUrl = "");
