namespace KbCore.Telemetry;

/// <summary>
/// When the last published commits went out, so the index lag can be told in seconds: the lag is the age of the
/// oldest publication the index has not caught up with. Keeps the newest <see cref="Kept"/>; older ones count as
/// the oldest kept (an index that far behind reads as at least that late).
/// </summary>
internal sealed class PublishTimes(TimeProvider clock)
{
    private const int Kept = 64;

    private readonly DateTimeOffset _started = clock.GetUtcNow();
    private readonly Lock _lock = new();
    private readonly List<(string Commit, DateTimeOffset At)> _times = [];

    public void Add(string commit)
    {
        lock (_lock)
        {
            _times.Add((commit, clock.GetUtcNow()));
            if (_times.Count > Kept)
            {
                _times.RemoveAt(0);
            }
        }
    }

    /// <summary>When the first commit after <paramref name="indexed"/> was published (none known: the oldest kept, or when this began).</summary>
    public DateTimeOffset FirstAfter(string? indexed)
    {
        lock (_lock)
        {
            var at = _times.FindLastIndex(t => t.Commit == indexed);
            if (at >= 0)
            {
                // The newest known: the next commit is being published right now.
                return at + 1 < _times.Count ? _times[at + 1].At : clock.GetUtcNow();
            }

            return _times.Count > 0 ? _times[0].At : _started;
        }
    }
}
