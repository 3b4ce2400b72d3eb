namespace KbCore.Search;

/// <summary>Where indexing stands, for <c>/healthz</c> and the <c>reindex</c> command.</summary>
/// <param name="State"><c>ready</c>, <c>rebuilding</c> or <c>updating</c>.</param>
/// <param name="Percent">0..100 while rebuilding.</param>
/// <param name="Commit">The git commit the searchable index reflects.</param>
public sealed record IndexProgress(string State, int Percent, string? Commit);
