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

    private readonly ConcurrentDictionary<string, byte[]> _pages = new(StringComparer.Ordinal);

    public PageCache(ContentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.ContentChanged += (_, _) => _pages.Clear();
    }

    public byte[] GetOrAdd(string etag, Func<byte[]> render)
    {
        if (_pages.TryGetValue(etag, out var page))
        {
            return page;
        }

        page = render();
        if (_pages.Count < MaxEntries)
        {
            _pages.TryAdd(etag, page);
        }

        return page;
    }
}
