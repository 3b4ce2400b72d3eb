namespace KbCore.Themes.Models;

/// <summary>A category (top-level folder) or a section (deeper folder): templates/category.liquid and section.liquid.</summary>
/// <param name="Sections">Sub-folders, as cards.</param>
/// <param name="Articles">Articles directly in this folder, in order.</param>
public sealed record FolderView(
    string Title,
    string Description,
    string Url,
    IReadOnlyList<LinkView> Breadcrumbs,
    IReadOnlyList<CategoryCardView> Sections,
    IReadOnlyList<ArticleSummaryView> Articles);
