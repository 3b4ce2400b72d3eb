using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using KbCore.Content;

namespace KbServer.HelpCenter;

/// <summary>
/// Where a path that names no page should go instead: an article that moved (<see cref="ContentSnapshot.Redirects"/>),
/// the repository file name (<c>billing/refunds.md</c>), or another letter case (<c>/Billing/Refunds</c>). Each answers
/// 301 to the one canonical URL, so old links and search results keep their ranking on the page they meant.
/// </summary>
internal static class CanonicalPaths
{
    private const string Markdown = ".md";

    // Built the first time a snapshot meets a path that names nothing; unknown paths are rare, content is large.
    private static readonly ConditionalWeakTable<ContentSnapshot, FrozenDictionary<string, string>> ByLowerCase = new();

    /// <summary>The article or folder path <paramref name="key"/> means, or null; only targets the visitor may see.</summary>
    public static string? Resolve(ContentSnapshot snapshot, string key, bool team)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(key);
        var bare = key.EndsWith(Markdown, StringComparison.OrdinalIgnoreCase) ? key[..^Markdown.Length] : key;
        if (bare.Length == 0)
        {
            return null;
        }

        var exact = Target(snapshot, bare);
        if (exact is not null || snapshot.Articles.ContainsKey(bare))
        {
            // A hidden article under that exact name stays a 404, not a hint.
            return Visible(snapshot, exact, team);
        }

        var map = ByLowerCase.GetValue(snapshot, static s => s.Articles.Keys.Concat(s.Folders.Keys).Concat(s.Redirects.Keys)
            .GroupBy(p => p.ToLowerInvariant(), StringComparer.Ordinal)
            .Where(g => g.Count() == 1) // two paths differing only in case: no guessing between them
            .ToFrozenDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal));
        return map.TryGetValue(bare.ToLowerInvariant(), out var actual) ? Visible(snapshot, Target(snapshot, actual), team) : null;
    }

    private static string? Target(ContentSnapshot snapshot, string path) =>
        snapshot.Articles.ContainsKey(path) || snapshot.Folders.ContainsKey(path) ? path
        : snapshot.Redirects.TryGetValue(path, out var movedTo) ? movedTo
        : null;

    private static string? Visible(ContentSnapshot snapshot, string? path, bool team) =>
        path is null ? null
        : snapshot.Articles.TryGetValue(path, out var article) ? (HelpCenterViewBuilder.CanSee(article, team) ? path : null)
        : snapshot.Folders.TryGetValue(path, out var folder) && path.Length > 0 && HelpCenterViewBuilder.CanSee(folder, team) ? path
        : null;
}
