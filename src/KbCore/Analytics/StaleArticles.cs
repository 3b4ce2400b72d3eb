using KbCore.Articles;
using KbCore.Content;

namespace KbCore.Analytics;

/// <summary>Articles whose <c>review_by</c> date has passed, grouped by owner (most first; no owner is an empty key).</summary>
public static class StaleArticles
{
    public static IReadOnlyList<IGrouping<string, Article>> ByOwner(ContentSnapshot snapshot, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Articles.Values
            .Where(a => a.Metadata.ReviewBy is { } by && by < today)
            .OrderBy(a => a.Metadata.ReviewBy)
            .ThenBy(a => a.Path, StringComparer.Ordinal)
            .GroupBy(a => a.Metadata.Owner ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }
}
