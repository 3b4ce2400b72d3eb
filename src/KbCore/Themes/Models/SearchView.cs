namespace KbCore.Themes.Models;

/// <summary>The search page: templates/search.liquid.</summary>
/// <param name="Available">False while the index is being built for the first time.</param>
/// <param name="DidYouMeanUrl">Search URL for <paramref name="DidYouMean"/>, or empty.</param>
/// <param name="PreviousUrl">Empty on the first page.</param>
/// <param name="NextUrl">Empty on the last page.</param>
/// <param name="IncludeInternal">True when internal articles are among the results (team members, unless they turned them off).</param>
/// <param name="InternalToggleUrl">For team members, this search with internal articles turned off or on; empty for visitors.</param>
/// <param name="Correction">When the results were found through corrected spellings ("Showing results for …"); null otherwise.</param>
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
    string NextUrl = "",
    bool IncludeInternal = false,
    string InternalToggleUrl = "",
    QueryCorrectionView? Correction = null);
