namespace KbCore.Themes.Models;

/// <summary>"Showing results for <see cref="Query"/>. Search instead for …": a search answered through corrected spellings.</summary>
/// <param name="Query">The query as the search corrected it.</param>
/// <param name="Url">Search URL for <paramref name="Query"/>.</param>
/// <param name="SearchInsteadUrl">Search URL for the query as typed, without corrections.</param>
public sealed record QueryCorrectionView(string Query, string Url, string SearchInsteadUrl);
