namespace KbCore.Themes.Models;

/// <summary>One article page: templates/article.liquid.</summary>
/// <param name="Html">Sanitized article body; the only value templates output unescaped.</param>
/// <param name="Breadcrumbs">Home, category, sections: not the article itself.</param>
/// <param name="Toc">Level 2 and 3 headings, in order.</param>
/// <param name="Contributors">Distinct commit authors, most recent first.</param>
/// <param name="Related">Other visible articles sharing its ticket categories or tags, best first.</param>
/// <param name="Internal">True when the article is internal (only the team sees it).</param>
/// <param name="Path">The repository path without <c>.md</c>: what the "was this helpful?" form posts.</param>
/// <param name="EditUrl">The studio editor for this article, for signed-in team members; empty for visitors.</param>
public sealed record ArticleView(
    string Title,
    string Summary,
    string Url,
    RawHtml Html,
    IReadOnlyList<string> Tags,
    IReadOnlyList<LinkView> Breadcrumbs,
    IReadOnlyList<HeadingView> Toc,
    string Updated,
    string UpdatedDisplay,
    IReadOnlyList<string> Contributors,
    IReadOnlyList<ArticleSummaryView> Related,
    bool Internal,
    string Path,
    string EditUrl = "");
