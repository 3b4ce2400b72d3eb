using KbCore.Articles;
using LibGit2Sharp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KbCore.Content;

/// <summary>
/// The published content: the current <see cref="ContentSnapshot"/> of the branch, swapped atomically
/// when the branch moves, and the one place that raises <see cref="ContentChanged"/>.
/// Thread-safe: readers take <see cref="Current"/>; refreshes are serialized.
/// </summary>
public sealed class ContentStore
{
    private readonly ContentRepository _repository;
    private readonly ContentOptions _options;
    private readonly ILogger<ContentStore> _logger;
    private readonly Lock _refreshLock = new();
    private volatile ContentSnapshot _current = ContentSnapshot.Empty;
    private volatile bool _loaded;

    public ContentStore(ContentRepository repository, IOptions<ContentOptions> options, ILogger<ContentStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _repository = repository;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Raised after the snapshot is swapped, on the thread that refreshed.</summary>
    public event EventHandler<ContentChangedEventArgs>? ContentChanged;

    /// <summary>The snapshot being served. Loads the branch on first use.</summary>
    public ContentSnapshot Current
    {
        get
        {
            if (!_loaded)
            {
                Refresh();
            }

            return _current;
        }
    }

    /// <summary>
    /// Re-reads the branch tip and swaps in a new snapshot if it moved.
    /// Returns true when the content changed.
    /// </summary>
    public bool Refresh()
    {
        lock (_refreshLock)
        {
            var old = _loaded ? _current : null;
            using var repo = _repository.Open();
            var tip = repo.Branches[_options.Branch]?.Tip;
            if (tip is null || tip.Sha == old?.CommitSha)
            {
                _loaded = true;
                return false;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var snapshot = ContentSnapshotBuilder.Build(tip, DefaultVisibility, old);
            _current = snapshot;
            _loaded = true;
            _logger.LogInformation(
                "Content at {Commit}: {Articles} articles, {Problems} problems, loaded in {Elapsed} ms",
                snapshot.ShortSha,
                snapshot.Articles.Count,
                snapshot.Problems.Count,
                (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var problem in snapshot.Problems.Where(p => p.Severity == ContentProblem.Error && old?.Problems.Contains(p) != true))
            {
                _logger.LogWarning("Content problem: {Problem}", problem.ToString());
            }

            ContentChanged?.Invoke(this, new ContentChangedEventArgs(old?.CommitSha, snapshot.CommitSha, snapshot));
            return true;
        }
    }

    private Visibility DefaultVisibility =>
        string.Equals(_options.DefaultVisibility, "public", StringComparison.OrdinalIgnoreCase) ? Visibility.Public : Visibility.Internal;
}
