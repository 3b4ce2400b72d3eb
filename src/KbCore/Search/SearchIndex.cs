using System.Globalization;
using KbCore.Content;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KbCore.Search;

/// <summary>
/// The search index under <c>{DataDirectory}/index</c>: one generation folder named in <c>CURRENT</c>, tagged with
/// the git commit it reflects. Updates follow the difference between the indexed revisions and a snapshot;
/// a missing, corrupt or outdated index is rebuilt in a new generation beside the live one, then swapped in,
/// so search keeps answering. Updates are serialized; searches run concurrently.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string CurrentFile = "CURRENT";

    private readonly string _root;
    private readonly ILogger<SearchIndex> _logger;
    private readonly Lock _writeLock = new();
    private readonly Dictionary<string, string> _revisions = new(StringComparer.Ordinal);
    private volatile IndexGeneration? _live;
    private volatile IndexProgress _progress = new("starting", 0, null);
    private volatile SynonymSet _synonyms = SynonymSet.Empty;

    public SearchIndex(IOptions<SearchOptions> options, ILogger<SearchIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _root = options.Value.IndexDirectory ?? throw new InvalidOperationException("Search:IndexDirectory is not set");
        _logger = logger;
    }

    public IndexProgress Progress => _progress;

    /// <summary>The git commit the searchable index reflects, or null before the first index.</summary>
    public string? IndexedCommit => _progress.Commit;

    /// <summary>The synonyms of the commit the index reflects: they apply at query time, with no reindexing.</summary>
    public SynonymSet Synonyms => _synonyms;

    /// <summary>
    /// Brings the index to <paramref name="snapshot"/>: opens the live generation (rebuilding it when unusable)
    /// and applies the difference. Safe to call on every content change.
    /// </summary>
    public void Update(ContentSnapshot snapshot, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_writeLock)
        {
            if (_live is null && !TryOpenLive())
            {
                Rebuild(snapshot, progress);
                return;
            }

            // Before the new commit shows: an answer cached meanwhile is filed under the old commit, never used again.
            _synonyms = snapshot.Synonyms;
            ApplyDifference(_live!, snapshot);
        }
    }

    /// <summary>Builds a fresh generation from <paramref name="snapshot"/> and swaps it in.</summary>
    public void Rebuild(ContentSnapshot snapshot, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_writeLock)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Directory.CreateDirectory(_root);
            var name = "gen-" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
            var generation = new IndexGeneration(Path.Combine(_root, name), create: true);
            var articles = snapshot.Articles.Values.ToArray();
            _progress = new IndexProgress("rebuilding", 0, _progress.Commit);
            var revisions = articles.ToDictionary(a => a.Path, SearchDocumentMapper.Revision, StringComparer.Ordinal);
            var done = 0;
            var progressLock = new Lock();

            // Markdown to text is most of the cost and IndexWriter takes documents from many threads.
            Parallel.ForEach(articles, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, article =>
            {
                generation.Writer.AddDocument(SearchDocumentMapper.Map(article));
                var percent = (int)(Interlocked.Increment(ref done) * 100L / articles.Length);
                if (percent > _progress.Percent)
                {
                    lock (progressLock)
                    {
                        if (percent > _progress.Percent)
                        {
                            _progress = _progress with { Percent = percent };
                            progress?.Report(percent);
                        }
                    }
                }
            });

            CommitAndRefresh(generation, snapshot.CommitSha);
            var old = _live;
            File.WriteAllText(Path.Combine(_root, CurrentFile + ".tmp"), name);
            File.Move(Path.Combine(_root, CurrentFile + ".tmp"), Path.Combine(_root, CurrentFile), overwrite: true);
            _live = generation;
            _revisions.Clear();
            foreach (var (path, revision) in revisions)
            {
                _revisions[path] = revision;
            }

            _synonyms = snapshot.Synonyms;
            _progress = new IndexProgress("ready", 100, snapshot.CommitSha);
            _logger.LogInformation(
                "Search index rebuilt at {Commit}: {Count} articles in {Elapsed} ms",
                snapshot.ShortSha,
                articles.Length,
                (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            RetireAsync(old);
        }
    }

    /// <summary>Runs <paramref name="search"/> on a current searcher; null when no index is open yet.</summary>
    internal T? WithSearcher<T>(Func<IndexSearcher, T> search)
    {
        var live = _live;
        if (live is null)
        {
            return default;
        }

        var searcher = live.Searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            live.Searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            _live?.Dispose();
            _live = null;
        }
    }

    private bool TryOpenLive()
    {
        var current = Path.Combine(_root, CurrentFile);
        if (!File.Exists(current))
        {
            return false;
        }

        var path = Path.Combine(_root, File.ReadAllText(current).Trim());
        IndexGeneration? generation = null;
        try
        {
            using (var probe = Lucene.Net.Store.FSDirectory.Open(path))
            {
                if (!DirectoryReader.IndexExists(probe))
                {
                    return false;
                }
            }

            generation = new IndexGeneration(path, create: false);
            var data = generation.CommitData();
            if (!data.TryGetValue(SearchFields.SchemaKey, out var schema) || schema != SearchFields.SchemaVersion)
            {
                _logger.LogInformation("Search index schema changed ({Old} → {New}): rebuilding", schema ?? "none", SearchFields.SchemaVersion);
                generation.Dispose();
                return false;
            }

            LoadRevisions(generation);
            _live = generation;
            _progress = new IndexProgress("ready", 100, data.TryGetValue(SearchFields.CommitKey, out var sha) ? sha : null);
            return true;
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or Lucene.Net.Store.LockObtainFailedException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "Search index at {Path} is unreadable: rebuilding", path);
            generation?.Dispose();
            return false;
        }
    }

    private void LoadRevisions(IndexGeneration generation)
    {
        _revisions.Clear();
        var searcher = generation.Searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var liveDocs = MultiFields.GetLiveDocs(reader);
            var fields = new HashSet<string> { SearchFields.Id, SearchFields.Blob };
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (liveDocs is not null && !liveDocs.Get(doc))
                {
                    continue;
                }

                var stored = reader.Document(doc, fields);
                _revisions[stored.Get(SearchFields.Id, CultureInfo.InvariantCulture)] = stored.Get(SearchFields.Blob, CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    private void ApplyDifference(IndexGeneration generation, ContentSnapshot snapshot)
    {
        var changed = snapshot.Articles.Values.Where(a => !_revisions.TryGetValue(a.Path, out var r) || r != SearchDocumentMapper.Revision(a)).ToArray();
        var removed = _revisions.Keys.Where(path => !snapshot.Articles.ContainsKey(path)).ToArray();
        if (changed.Length == 0 && removed.Length == 0 && _progress.Commit == snapshot.CommitSha)
        {
            return;
        }

        _progress = _progress with { State = "updating" };
        foreach (var article in changed)
        {
            generation.Writer.UpdateDocument(new Term(SearchFields.Id, article.Path), SearchDocumentMapper.Map(article));
            _revisions[article.Path] = SearchDocumentMapper.Revision(article);
        }

        foreach (var path in removed)
        {
            generation.Writer.DeleteDocuments(new Term(SearchFields.Id, path));
            _revisions.Remove(path);
        }

        CommitAndRefresh(generation, snapshot.CommitSha);
        _progress = new IndexProgress("ready", 100, snapshot.CommitSha);
        _logger.LogInformation("Search index at {Commit}: {Changed} updated, {Removed} removed", snapshot.ShortSha, changed.Length, removed.Length);
    }

    private static void CommitAndRefresh(IndexGeneration generation, string commit)
    {
        generation.Writer.SetCommitData(new Dictionary<string, string>
        {
            [SearchFields.CommitKey] = commit,
            [SearchFields.SchemaKey] = SearchFields.SchemaVersion,
        });
        generation.Writer.Commit();
        generation.Searchers.MaybeRefreshBlocking();
    }

    /// <summary>Closes and deletes a replaced generation once searches that started on it have finished.</summary>
    private void RetireAsync(IndexGeneration? old)
    {
        if (old is null)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            try
            {
                old.Dispose();
                Directory.Delete(old.Path, recursive: true);
            }
            catch (IOException e)
            {
                _logger.LogWarning(e, "Could not delete old search index {Path}", old.Path);
            }
        });
    }
}
