using System.Diagnostics.Metrics;
using KbCore.Contact;
using KbCore.Content;
using KbCore.Search;
using KbCore.Search.Semantic;
using LibGit2Sharp;
using Microsoft.Extensions.Logging;

namespace KbCore.Telemetry;

/// <summary>
/// The observable gauges of <see cref="KbTelemetry.Name"/>: how far search lags behind the published commit, how
/// many articles wait for their vector, how many contact requests wait for (or failed) the helpdesk webhook.
/// Read only when an exporter collects, and cheaply: the commit count is worked out once per (indexed, published)
/// pair, the database is asked at most every <see cref="ContactCacheFor"/>.
/// </summary>
public sealed class KbGauges : IDisposable
{
    /// <summary>Counting stops here: a lag this long is an outage whatever the exact number.</summary>
    public const int MaxCountedCommits = 1000;

    private static readonly TimeSpan ContactCacheFor = TimeSpan.FromSeconds(5);

    private readonly ContentStore _store;
    private readonly SearchIndex _index;
    private readonly ContentRepository _repository;
    private readonly ContactRequests _contacts;
    private readonly TimeProvider _clock;
    private readonly ILogger<KbGauges> _logger;
    private readonly PublishTimes _published;
    private readonly Lock _lock = new();
    private (string? Indexed, string Published, int Behind)? _lag;
    private (DateTimeOffset At, int Pending, int Failed)? _contact;

    public KbGauges(IMeterFactory meters, ContentStore store, SearchIndex index, SemanticIndex semantic, ContentRepository repository, ContactRequests contacts, TimeProvider clock, ILogger<KbGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(semantic);
        ArgumentNullException.ThrowIfNull(clock);
        (_store, _index, _repository, _contacts, _clock, _logger) = (store, index, repository, contacts, clock, logger);
        _published = new PublishTimes(clock);
        store.ContentChanged += OnContentChanged;

        var meter = meters.Create(KbTelemetry.Name);
        meter.CreateObservableGauge("kb.index.lag.commits", CommitsBehind, "{commit}", $"Commits the search index is behind the published branch (0 when current; at most {MaxCountedCommits}).");
        meter.CreateObservableGauge("kb.index.lag", SecondsBehind, "s", "Seconds since the oldest published commit the search index lacks was published (0 when current).");
        meter.CreateObservableGauge("kb.vectors.pending", () => semantic.PendingArticles ?? store.Current.Articles.Count, "{article}", "Published articles without their semantic vector yet (0 when semantic search is off).");
        meter.CreateObservableGauge("kb.contact.deliveries.pending", () => Contacts().Pending, "{request}", "Contact requests waiting to be delivered to the helpdesk webhook.");
        meter.CreateObservableGauge("kb.contact.deliveries.failed", () => Contacts().Failed, "{request}", "Contact requests the webhook delivery gave up on (readable in the studio).");
    }

    public void Dispose() => _store.ContentChanged -= OnContentChanged;

    private void OnContentChanged(object? sender, ContentChangedEventArgs e) => _published.Add(e.NewCommit);

    private int CommitsBehind()
    {
        var published = _store.Current.CommitSha;
        var indexed = _index.IndexedCommit;
        if (published == indexed)
        {
            return 0;
        }

        lock (_lock)
        {
            if (_lag is { } known && known.Indexed == indexed && known.Published == published)
            {
                return known.Behind;
            }

            var behind = Count(indexed, published);
            _lag = (indexed, published, behind);
            return behind;
        }
    }

    private int Count(string? indexed, string published)
    {
        try
        {
            using var repo = _repository.Open();
            var filter = new CommitFilter { IncludeReachableFrom = published };
            if (indexed is not null && repo.Lookup<Commit>(indexed) is { } start)
            {
                filter.ExcludeReachableFrom = start;
            }

            return repo.Commits.QueryBy(filter).Take(MaxCountedCommits).Count();
        }
        catch (LibGit2SharpException e)
        {
            _logger.LogWarning(e, "Could not count the commits the search index is behind");
            return 0;
        }
    }

    private double SecondsBehind()
    {
        var published = _store.Current.CommitSha;
        var indexed = _index.IndexedCommit;
        return published == indexed ? 0 : (_clock.GetUtcNow() - _published.FirstAfter(indexed)).TotalSeconds;
    }

    private (int Pending, int Failed) Contacts()
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            if (_contact is not { } cached || now - cached.At > ContactCacheFor)
            {
                try
                {
                    var (pending, failed) = _contacts.CountUndelivered();
                    cached = (now, pending, failed);
                }
                catch (System.Data.Common.DbException e)
                {
                    // A scrape must not fail because the database is away: the readiness check reports that.
                    _logger.LogWarning(e, "Could not count undelivered contact requests");
                    cached = (now, _contact?.Pending ?? 0, _contact?.Failed ?? 0);
                }

                _contact = cached;
            }

            return (cached.Pending, cached.Failed);
        }
    }
}
