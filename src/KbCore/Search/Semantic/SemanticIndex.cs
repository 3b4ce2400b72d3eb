using System.Collections.Concurrent;
using KbCore.Articles;
using KbCore.Content;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KbCore.Search.Semantic;

/// <summary>
/// The article vectors of the published commit, a cache derived from git like the search index: vectors are kept by
/// the hash of the text they embed, so a restart re-embeds nothing and a commit re-embeds only the articles whose
/// text changed. Built in the background; until it is ready, search is lexical. If the model cannot load, semantic
/// ranking stays off with a warning and search is lexical. Updates are serialized; reads are lock-free.
/// </summary>
public sealed class SemanticIndex : IDisposable
{
    private const int MaxCachedQueries = 10_000;
    private const int SaveEvery = 256;

    private readonly SemanticOptions _options;
    private readonly ILogger<SemanticIndex> _logger;
    private readonly Lock _updateLock = new();
    private readonly ConcurrentDictionary<string, float[]> _queries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Blob, TextHash[] Hashes)> _texts = new(StringComparer.Ordinal);
    private SentenceEmbedder? _embedder;
    private VectorCache? _cache;
    private bool _unavailable;
    private volatile VectorMatrix? _matrix;
    private volatile string? _commit;
    private volatile SemanticProgress _progress;
    private volatile int _pending = -1;
    private int _generation;
    private long _embedded;

    public SemanticIndex(IOptions<SemanticOptions> options, ILogger<SemanticIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _progress = new SemanticProgress(_options.Enabled ? "building" : "off", 0);
    }

    public SemanticProgress Progress => _progress;

    /// <summary>Published articles still without their vector, for the <c>kb.vectors.pending</c> gauge; null before the first count.</summary>
    public int? PendingArticles => _progress.State == "off" ? 0 : _pending < 0 ? null : _pending;

    /// <summary>Changes whenever another set of vectors starts answering: cached answers of an older one are not reused.</summary>
    public int Generation => Volatile.Read(ref _generation);

    /// <summary>The git commit whose articles the answering vectors are of; null before the first are ready.</summary>
    public string? Commit => _commit;

    /// <summary>Texts this instance has run through the model (cache misses), for tests and logs.</summary>
    public long EmbeddedCount => Interlocked.Read(ref _embedded);

    /// <summary>The vectors that answer now; null while none are ready or when semantic ranking is off.</summary>
    internal VectorMatrix? Matrix => _matrix;

    /// <summary>
    /// Brings the vectors to <paramref name="snapshot"/>: embeds the texts the cache lacks, saves the cache and swaps
    /// the new vectors in. Loads the model on first use. Safe to call on every content change.
    /// </summary>
    public void Update(ContentSnapshot snapshot, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!_options.Enabled)
        {
            return;
        }

        lock (_updateLock)
        {
            if (!EnsureLoaded())
            {
                return;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var articles = snapshot.Articles.Values.ToArray();
            var missing = new List<(TextHash Hash, string Text, string Path)>();
            var incomplete = new HashSet<string>(StringComparer.Ordinal);
            foreach (var article in articles)
            {
                if (!_texts.TryGetValue(article.Path, out var known) || known.Blob != article.BlobSha)
                {
                    var texts = EmbeddingText.Of(article, _options.Recipe);
                    known = (article.BlobSha, [.. texts.Select(t => EmbeddingText.Hash(_embedder!.ModelId, t))]);
                    _texts[article.Path] = known;
                    for (var i = 0; i < texts.Count; i++)
                    {
                        if (!_cache!.TryGet(known.Hashes[i], out _))
                        {
                            missing.Add((known.Hashes[i], texts[i], article.Path));
                            incomplete.Add(article.Path);
                        }
                    }
                }
            }

            foreach (var path in _texts.Keys.Where(p => !snapshot.Articles.ContainsKey(p)).ToArray())
            {
                _texts.Remove(path);
            }

            var have = articles.Length - incomplete.Count;
            Report(have, articles.Length, progress);
            try
            {
                for (var i = 0; i < missing.Count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Embed(missing[i].Hash, missing[i].Text, missing[i].Path);
                    Report(have + (int)((long)(i + 1) * incomplete.Count / missing.Count), articles.Length, progress);
                    if ((i + 1) % SaveEvery == 0)
                    {
                        TrySave(); // a restart mid-build carries on from here
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Articles left without vectors are looked at again by the next update, not taken as done.
                foreach (var path in incomplete)
                {
                    _texts.Remove(path);
                }

                throw;
            }
            finally
            {
                if (missing.Count > 0)
                {
                    TrySave();
                }
            }

            _cache!.KeepOnly(_texts.Values.SelectMany(t => t.Hashes).ToHashSet());
            TrySave();
            Publish(articles);
            _commit = snapshot.CommitSha;
            _pending = 0;
            _progress = new SemanticProgress("ready", 100);
            if (missing.Count > 0)
            {
                _logger.LogInformation(
                    "Semantic vectors at {Commit}: {Embedded} texts of {Articles} articles embedded, {Reused} articles unchanged, in {Elapsed} ms",
                    snapshot.ShortSha,
                    missing.Count,
                    incomplete.Count,
                    have,
                    (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    /// <summary>The vector of a (normalized) query, cached: the same question is encoded once.</summary>
    internal float[]? QueryVector(string query)
    {
        var embedder = _embedder;
        if (embedder is null || _matrix is null || string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        if (_queries.TryGetValue(query, out var vector))
        {
            return vector;
        }

        vector = embedder.Embed(query);
        if (query.Length > SearchRequest.MaxQueryLength)
        {
            return vector; // a ticket's whole description: too big to keep, and not asked twice
        }

        if (_queries.Count >= MaxCachedQueries)
        {
            _queries.Clear();
        }

        _queries[query] = vector;
        return vector;
    }

    public void Dispose()
    {
        lock (_updateLock)
        {
            _matrix = null;
            var embedder = _embedder;
            _embedder = null;
            embedder?.Dispose();
        }
    }

    private bool EnsureLoaded()
    {
        if (_embedder is not null)
        {
            return true;
        }

        if (_unavailable)
        {
            return false;
        }

        var directory = _options.CacheDirectory ?? throw new InvalidOperationException("Search:Semantic:CacheDirectory is not set");
        if (!EmbeddingText.IsKnown(_options.Recipe))
        {
            // A bad setting turns the feature off with a reason, like a model that cannot load: search stays lexical.
            _unavailable = true;
            _progress = new SemanticProgress("off", 0, $"Search:Semantic:Recipe `{_options.Recipe}` is not one of {EmbeddingText.Lead}, {EmbeddingText.LeadAndShort}, {EmbeddingText.LeadAndChunks}; search is lexical only.");
            _logger.LogWarning("Semantic search is off: {Warning}", _progress.Warning);
            return false;
        }

        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var embedder = new SentenceEmbedder(directory, _options.Threads);
            _cache = VectorCache.Open(directory, embedder.ModelId, out var discarded);
            if (discarded is not null)
            {
                _logger.LogWarning("Semantic vector cache in {Directory} discarded ({Reason}): rebuilding it", directory, discarded);
            }

            _embedder = embedder;
            _logger.LogInformation(
                "Sentence encoder {Model} loaded in {Elapsed} ms; {Count} cached vectors",
                embedder.ModelId,
                (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                _cache.Count);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A missing native library, too little memory or a broken package must not take search down.
            _unavailable = true;
            var warning = $"The sentence encoder could not load ({e.GetType().Name}); search is lexical only. The server log has the details.";
            _progress = new SemanticProgress("off", 0, warning);
            _logger.LogWarning(e, "Semantic search is off: the sentence encoder could not load; search is lexical only");
            return false;
        }
    }

    /// <summary>
    /// Embeds one text into the cache. A text the model fails on costs its article its vector (it is tried again on
    /// the next commit), never the other articles theirs.
    /// </summary>
    private void Embed(TextHash hash, string text, string path)
    {
        try
        {
            _cache!.Add(hash, _embedder!.Embed(text));
            Interlocked.Increment(ref _embedded);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            _texts.Remove(path);
            _logger.LogWarning(e, "Could not embed {Path} for semantic search; it is found by its words only", path);
        }
    }

    /// <summary>
    /// Writes the cache; a full disk or a read-only data directory costs the next start its vectors, not this one
    /// its semantic search, so the failure is logged and the vectors still answer from memory.
    /// </summary>
    private void TrySave()
    {
        try
        {
            _cache!.Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "Could not save the semantic vector cache in {Directory}; the vectors are kept in memory", _options.CacheDirectory);
        }
    }

    private void Report(int have, int total, IProgress<int>? progress)
    {
        _pending = total - have;
        var percent = total == 0 ? 100 : (int)(have * 100L / total);
        if (percent != _progress.Percent || _progress.State != "building")
        {
            _progress = new SemanticProgress(have == total ? _progress.State : "building", percent);
            progress?.Report(percent);
        }
    }

    private void Publish(Article[] articles)
    {
        var rows = new List<(VectorRow, float[][])>(articles.Length);
        foreach (var article in articles)
        {
            if (_texts.TryGetValue(article.Path, out var text))
            {
                var vectors = text.Hashes.Select(h => _cache!.TryGet(h, out var v) ? v : null).OfType<float[]>().ToArray();
                if (vectors.Length == 0)
                {
                    continue;
                }

                rows.Add((new VectorRow(
                    article.Path,
                    article.IsPublic,
                    SearchDocumentMapper.Category(article),
                    article.Metadata.Tags.Select(t => t.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
                    article.Metadata.TicketCategories.ToHashSet(StringComparer.Ordinal)), vectors));
            }
        }

        _matrix = new VectorMatrix(rows);
        Interlocked.Increment(ref _generation);
    }
}
