namespace KbCore.Themes.Models;

/// <summary>The home page (<c>page</c> in templates/home.liquid).</summary>
public sealed record HomeView(
    IReadOnlyList<CategoryCardView> Categories,
    IReadOnlyList<ArticleSummaryView> Recent);
