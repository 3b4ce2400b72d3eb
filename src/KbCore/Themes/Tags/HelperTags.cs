namespace KbCore.Themes.Tags;

/// <summary>The helper tags every theme can use; each renders the theme's partial of that purpose (docs/themes.md).</summary>
internal static class HelperTags
{
    public static IReadOnlyList<HelperTag> All { get; } =
    [
        new("breadcrumbs", "partials/breadcrumbs", new Dictionary<string, string> { ["crumbs"] = "page.breadcrumbs" }, ["current", "current_url"]),
        new("search_form", "partials/search-box", new Dictionary<string, string>(), ["variant", "box_id", "box_label", "query"]),
        new("vote_widget", "partials/vote-widget", new Dictionary<string, string> { ["path"] = "page.path" }, []),
        new("related_articles", "partials/related-articles", new Dictionary<string, string> { ["articles"] = "page.related" }, ["heading"]),
        new("seo_tags", "partials/seo-tags", new Dictionary<string, string> { ["seo"] = "seo" }, []),
    ];
}
