namespace KbCore.Search;

/// <summary>How many matching articles carry a facet value.</summary>
public sealed record FacetCount(string Value, int Count);
