using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using KbCore.Articles;

namespace KbCore.Content;

/// <summary>
/// Resolves the targets of links between articles at one commit: repository-relative paths,
/// <c>[[Wiki Links]]</c> by path, file name or title. Returns repository paths; URLs are built by the caller.
/// </summary>
public sealed class LinkIndex
{
    private readonly FrozenDictionary<string, Article> _articles;
    private readonly FrozenDictionary<string, Folder> _folders;
    private readonly FrozenDictionary<string, AssetEntry> _assets;
    private readonly Dictionary<string, string> _bySlug = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byTitle = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byPathIgnoreCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _publicBySlug = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _publicByTitle = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _publicByPathIgnoreCase = new(StringComparer.OrdinalIgnoreCase);

    internal LinkIndex(FrozenDictionary<string, Article> articles, FrozenDictionary<string, Folder> folders, FrozenDictionary<string, AssetEntry> assets)
    {
        _articles = articles;
        _folders = folders;
        _assets = assets;

        // Sorted so that ambiguous names always resolve the same way, whatever the tree order.
        foreach (var article in articles.Values.OrderBy(a => a.Path, StringComparer.Ordinal))
        {
            _byPathIgnoreCase.TryAdd(article.Path, article.Path);
            _bySlug.TryAdd(article.Slug, article.Path);
            _byTitle.TryAdd(article.Title, article.Path);
            if (article.IsPublic)
            {
                _publicByPathIgnoreCase.TryAdd(article.Path, article.Path);
                _publicBySlug.TryAdd(article.Slug, article.Path);
                _publicByTitle.TryAdd(article.Title, article.Path);
            }
        }

        Fingerprint = ComputeFingerprint(
            articles.Values.Select(a => $"{a.Path}\t{a.IsPublic}\t{a.Title}"),
            folders.Values.Select(f => $"{f.Path}\t{f.PublicArticleCount > 0}"),
            assets.Keys);
    }

    /// <summary>
    /// Changes when an article, folder or asset is added, removed or renamed, or when an article's title
    /// or visibility changes: rendered links depend on all of these, so it is part of the render cache key.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>
    /// Target of <c>[[target]]</c>: an article path (exact, then any case), a file name, or a title.
    /// With <paramref name="publicOnly"/>, internal articles are not candidates, so they can neither win nor shadow.
    /// </summary>
    public Article? ResolveWikiTarget(string target, bool publicOnly = false)
    {
        ArgumentNullException.ThrowIfNull(target);
        var key = target.Trim().Trim('/');
        if (key.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            key = key[..^3];
        }

        if (_articles.TryGetValue(key, out var exact) && (exact.IsPublic || !publicOnly))
        {
            return exact;
        }

        var path = publicOnly
            ? _publicByPathIgnoreCase.GetValueOrDefault(key) ?? _publicBySlug.GetValueOrDefault(key) ?? _publicByTitle.GetValueOrDefault(key)
            : _byPathIgnoreCase.GetValueOrDefault(key) ?? _bySlug.GetValueOrDefault(key) ?? _byTitle.GetValueOrDefault(key);
        return path is null ? null : _articles[path];
    }

    public Article? FindArticle(string path) => _articles.GetValueOrDefault(path);

    public Folder? FindFolder(string path) => _folders.GetValueOrDefault(path);

    public AssetEntry? FindAsset(string path) => _assets.GetValueOrDefault(path);

    /// <summary>
    /// Joins a relative link onto the folder of the linking file and normalises it.
    /// Returns null when it climbs above the repository root.
    /// </summary>
    public static string? Combine(string fromFolder, string relative)
    {
        ArgumentNullException.ThrowIfNull(fromFolder);
        ArgumentNullException.ThrowIfNull(relative);
        var parts = new List<string>();
        var start = relative.StartsWith('/') ? string.Empty : fromFolder;
        foreach (var segment in (start + "/" + relative).Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(segment);
        }

        return string.Join('/', parts);
    }

    private static string ComputeFingerprint(IEnumerable<string> articles, IEnumerable<string> folders, IEnumerable<string> assets)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var group in new[] { articles, folders, assets })
        {
            foreach (var key in group.Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(key));
                hash.AppendData("\n"u8);
            }

            hash.AppendData("\0"u8);
        }

        return Convert.ToHexString(hash.GetHashAndReset(), 0, 8);
    }
}
