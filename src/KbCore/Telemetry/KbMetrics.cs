using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KbCore.Telemetry;

/// <summary>
/// The counters and histograms of <see cref="KbTelemetry.Name"/>, recorded where the events happen: searches by the
/// channel that answered them, commits by the single writer, votes by the feedback endpoint. Names follow the
/// OpenTelemetry conventions (dots, a unit per instrument); the Prometheus exporter shows <c>kb.searches</c> as
/// <c>kb_searches_total</c>. The gauges that read state live in <see cref="KbGauges"/>.
/// </summary>
public sealed class KbMetrics
{
    private readonly Counter<long> _searches;
    private readonly Counter<long> _zeroResults;
    private readonly Histogram<double> _searchDuration;
    private readonly Counter<long> _saves;
    private readonly Counter<long> _pushes;
    private readonly Counter<long> _votes;

    public KbMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(KbTelemetry.Name);
        _searches = meter.CreateCounter<long>("kb.searches", "{search}", "Searches answered, by channel (page, api, autocomplete).");
        _zeroResults = meter.CreateCounter<long>("kb.search.zero_results", "{search}", "Searches that found nothing, by channel.");

        // Searches take milliseconds: the default buckets (up to 10 s, coarse below 5 ms) would put them all in one.
        _searchDuration = meter.CreateHistogram(
            "kb.search.duration",
            "s",
            "Time to answer a search, by channel.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _saves = meter.CreateCounter<long>("kb.saves", "{commit}", "Commits made by the studio and the API (saves, deletes, moves, merges), by branch: published or change_request.");
        _pushes = meter.CreateCounter<long>("kb.pushes", "{push}", "Pushes over /content.git that moved at least one branch.");
        _votes = meter.CreateCounter<long>("kb.votes", "{vote}", "\"Was this helpful?\" votes counted, by answer.");
    }

    /// <summary>Runs one search as a span, timing and counting it under <paramref name="channel"/>.</summary>
    /// <param name="results">How many results the answer holds; zero counts as a zero-result search.</param>
    public T Search<T>(string channel, Func<T> search, Func<T, int> results)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(results);
        using var activity = KbTelemetry.Source.StartActivity("kb.search");
        activity?.SetTag("kb.search.channel", channel);
        var started = Stopwatch.GetTimestamp();
        var answer = search();
        var tag = new KeyValuePair<string, object?>("kb.search.channel", channel);
        _searchDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
        _searches.Add(1, tag);
        var count = results(answer);
        activity?.SetTag("kb.search.results", count);
        if (count == 0)
        {
            _zeroResults.Add(1, tag);
        }

        return answer;
    }

    /// <summary>A commit by the single writer; <paramref name="published"/> when it moved the published branch.</summary>
    public void Saved(bool published) =>
        _saves.Add(1, new KeyValuePair<string, object?>("kb.branch", published ? "published" : "change_request"));

    public void Pushed() => _pushes.Add(1);

    public void Voted(bool helpful) =>
        _votes.Add(1, new KeyValuePair<string, object?>("kb.vote.helpful", helpful ? "true" : "false"));
}
