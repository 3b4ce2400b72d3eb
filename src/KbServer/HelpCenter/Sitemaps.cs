using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Xml;
using KbCore.Content;
using KbCore.Rendering;
using Microsoft.Extensions.Options;

namespace KbServer.HelpCenter;

/// <summary>
/// <c>/sitemap.xml</c>: the home page, the categories and sections with public articles, and the public articles,
/// each with the date git last changed it (folders: their newest public article). Built once per (commit, base URL)
/// from the per-file history cache, never per request. Past <see cref="HelpCenterOptions.SitemapUrlsPerFile"/> URLs
/// it becomes an index of <c>/sitemap-1.xml</c>, <c>/sitemap-2.xml</c>, ... as search engines require.
/// </summary>
internal sealed class Sitemaps(ContentRepository repository, IOptions<HelpCenterOptions> options)
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    // One commit at a time; a few base URLs when it comes from the request (one host name and another).
    private const int MaxBases = 8;

    private readonly ConcurrentDictionary<(string Commit, string Base), Lazy<IReadOnlyList<byte[]>>> _built = new();

    /// <summary>File <paramref name="number"/> (0: <c>/sitemap.xml</c>, n: <c>/sitemap-n.xml</c>), or null when there is none.</summary>
    public byte[]? File(ContentSnapshot snapshot, string baseUrl, int number)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var key = (snapshot.CommitSha, baseUrl);
        if (!_built.ContainsKey(key))
        {
            foreach (var old in _built.Keys.Where(k => k.Commit != snapshot.CommitSha || _built.Count >= MaxBases))
            {
                _built.TryRemove(old, out _);
            }
        }

        var files = _built.GetOrAdd(key, _ => new Lazy<IReadOnlyList<byte[]>>(() => Build(snapshot, baseUrl), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        return number >= 0 && number < files.Count ? files[number] : null;
    }

    private IReadOnlyList<byte[]> Build(ContentSnapshot snapshot, string baseUrl)
    {
        var entries = Entries(snapshot, baseUrl);
        var size = options.Value.SitemapUrlsPerFile;
        if (entries.Count <= size)
        {
            return [UrlSet(entries)];
        }

        var chunks = entries.Chunk(size).ToList();
        var index = Xml("sitemapindex", w =>
        {
            for (var i = 0; i < chunks.Count; i++)
            {
                Url(w, "sitemap", $"{baseUrl}/sitemap-{i + 1}.xml", chunks[i].Max(e => e.LastModified));
            }
        });
        return [index, .. chunks.Select(UrlSet)];
    }

    private List<(string Loc, DateTimeOffset? LastModified)> Entries(ContentSnapshot snapshot, string baseUrl)
    {
        var articles = snapshot.Articles.Values.Where(a => a.IsPublic)
            .Select(a => (a.Path, When: snapshot.CommitSha.Length == 0 ? null : repository.GetHistory(a.FilePath, a.BlobSha, snapshot.CommitSha).LastUpdated))
            .ToList();

        // A folder's page changes with its articles: its date is its newest public article's, the home page's the newest of all.
        var folders = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        foreach (var (path, when) in articles)
        {
            for (var folder = Parent(path); folder is not null; folder = folder.Length == 0 ? null : Parent(folder))
            {
                folders[folder] = Later(folders.GetValueOrDefault(folder), when);
            }
        }

        var pages = folders.Where(f => f.Key.Length > 0 && snapshot.Folders.TryGetValue(f.Key, out var folder) && HelpCenterViewBuilder.CanSee(folder, includeInternal: false))
            .Select(f => (f.Key, f.Value))
            .Concat(articles)
            .OrderBy(p => p.Item1, StringComparer.Ordinal)
            .Select(p => (baseUrl + HelpCenterUrls.ForPath(p.Item1), p.Item2));
        return [(baseUrl + "/", folders.GetValueOrDefault(string.Empty)), .. pages];
    }

    private static byte[] UrlSet(IEnumerable<(string Loc, DateTimeOffset? LastModified)> entries) =>
        Xml("urlset", w =>
        {
            foreach (var (loc, when) in entries)
            {
                Url(w, "url", loc, when);
            }
        });

    private static void Url(XmlWriter writer, string element, string loc, DateTimeOffset? when)
    {
        writer.WriteStartElement(element, Namespace);
        writer.WriteElementString("loc", Namespace, loc);
        if (when is { } w)
        {
            writer.WriteElementString("lastmod", Namespace, w.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        writer.WriteEndElement();
    }

    private static byte[] Xml(string root, Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(root, Namespace);
            write(writer);
            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static string? Parent(string path) => path.LastIndexOf('/') is var i and >= 0 ? path[..i] : string.Empty;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
