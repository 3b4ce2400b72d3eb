namespace KbCore.Search.Semantic;

/// <summary>Where semantic ranking stands, for <c>/healthz</c> (<c>search.semantic</c>) and the <c>reindex</c> command.</summary>
/// <param name="State"><c>off</c> (disabled or unavailable: see <paramref name="Warning"/>), <c>building</c> or <c>ready</c>.</param>
/// <param name="Percent">Share of the published articles that have their vector, 0..100.</param>
/// <param name="Warning">Why semantic ranking is off although it is enabled (the model could not load), else null.</param>
public sealed record SemanticProgress(string State, int Percent, string? Warning = null);
