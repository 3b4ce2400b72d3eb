using KbCore.Themes.Models;

namespace KbCore.Themes;

/// <summary>Which view record each page template gets as <c>page</c>: what <c>check --theme</c> checks templates against.</summary>
public static class ThemePages
{
    public static IReadOnlyDictionary<string, Type> Models { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["home"] = typeof(HomeView),
        ["category"] = typeof(FolderView),
        ["section"] = typeof(FolderView),
        ["article"] = typeof(ArticleView),
        ["search"] = typeof(SearchView),
        ["contact"] = typeof(ContactView),
        ["error"] = typeof(ErrorView),
    };

    /// <summary>The variables every template, layout and partial sees, with their types (null: a plain value).</summary>
    public static IReadOnlyDictionary<string, Type?> Globals { get; } = new Dictionary<string, Type?>(StringComparer.Ordinal)
    {
        ["site"] = typeof(SiteView),
        ["theme"] = typeof(ThemeView),
        ["page"] = null,
        ["page_title"] = typeof(string),
        ["page_description"] = typeof(string),
        ["template"] = typeof(string),
        ["seo"] = typeof(SeoView),
        ["content_for_layout"] = typeof(string),
    };
}
