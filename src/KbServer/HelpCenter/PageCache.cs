using System.Collections.Concurrent;
using KbCore.Content;

namespace KbServer.HelpCenter;

/// <summary>
/// Finished pages by ETag (commit, theme, path): no work per request that could be done per commit.
/// Emptied whenever the content changes; bounded so a crawl cannot grow it without limit.
/// </summary>
internal sealed class PageCache
{
    private const int MaxEntries = 5_000;

    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _pages = new(StringComparer.Ordinal);

    public PageCache(ContentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.ContentChanged += (_, _) => _pages.Clear();
    }

    /// <summary>The page for <paramref name="etag"/>, rendered once however many requests ask for it at the same time.</summary>
    public byte[] GetOrAdd(string etag, Func<byte[]> render)
    {
        if (_pages.Count >= MaxEntries)
        {
            _pages.Clear(); // crude but bounded: the working set is re-rendered on demand
        }

        var page = _pages.GetOrAdd(etag, _ => new Lazy<byte[]>(render, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return page.Value;
        }
        catch
        {
            _pages.TryRemove(etag, out _); // a failed render (theme error) is not cached
            throw;
        }
    }
}
