namespace KbCore.Themes.Models;

/// <summary>Site-wide values every template sees as <c>site</c>.</summary>
/// <param name="Name">Help center name, from the theme's theme.yml or configuration.</param>
/// <param name="Tagline">One line under the name on the home page.</param>
/// <param name="AssetBase">URL prefix of the active theme's assets, e.g. <c>/assets/default</c>.</param>
/// <param name="Navigation">Top-level categories, in order.</param>
/// <param name="Commit">Short SHA of the content commit being served.</param>
/// <param name="Year">The current year, for the footer.</param>
public sealed record SiteView(
    string Name,
    string Tagline,
    string AssetBase,
    IReadOnlyList<LinkView> Navigation,
    string Commit,
    int Year);
