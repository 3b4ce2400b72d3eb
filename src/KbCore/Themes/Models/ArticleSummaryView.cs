namespace KbCore.Themes.Models;

/// <summary>An article as listed on home, category, section and related lists.</summary>
/// <param name="Updated">ISO date (yyyy-MM-dd) of the last commit that touched it.</param>
/// <param name="UpdatedDisplay">Human date, e.g. "12 Mar 2026".</param>
/// <param name="Section">Title of the folder that holds it.</param>
/// <param name="Internal">True for an internal article (listed for signed-in team members only).</param>
public sealed record ArticleSummaryView(
    string Title,
    string Url,
    string Summary,
    string Updated,
    string UpdatedDisplay,
    string Section,
    bool Internal = false);
