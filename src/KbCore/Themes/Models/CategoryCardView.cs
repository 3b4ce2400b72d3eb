namespace KbCore.Themes.Models;

/// <summary>A category or section as a card: the home page grid, a category's sections.</summary>
/// <param name="ArticleCount">Visible articles anywhere below this folder.</param>
/// <param name="Links">Its first few visible articles or sections, for a quick look.</param>
public sealed record CategoryCardView(
    string Title,
    string Url,
    string Description,
    int ArticleCount,
    IReadOnlyList<LinkView> Links);
