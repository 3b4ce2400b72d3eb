namespace KbCore.Themes.Models;

/// <summary>The search page: templates/search.liquid. <c>Results</c> is empty until search ships.</summary>
public sealed record SearchView(string Query, IReadOnlyList<ArticleSummaryView> Results, bool Available);
