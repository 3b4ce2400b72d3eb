namespace KbCore.Analytics;

/// <summary>
/// One search as customers ran it: normalized text, how many results, which one was opened.
/// Deliberately no IP address, user id or session: the reports need none of them.
/// </summary>
public sealed class SearchLogEntry
{
    public long Id { get; set; }

    /// <summary>UTC time (a DateTime, not DateTimeOffset: SQLite cannot order those).</summary>
    public DateTime At
    {
        get;
        set
        {
            field = value;
            Day = DateOnly.FromDateTime(value);
        }
    }

    /// <summary>
    /// The UTC day of <see cref="At"/> (set with it), stored apart: the reports filter and group by day, and computing the day
    /// from <see cref="At"/> for every row cost a year's report over a second on SQLite (docs/benchmarks.md).
    /// </summary>
    public DateOnly Day { get; set; }

    public string Query { get; set; } = string.Empty;

    public int ResultCount { get; set; }

    /// <summary><c>page</c> (help center) or <c>api</c>.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>Article path opened from the results, when one was.</summary>
    public string? ClickedPath { get; set; }

    /// <summary>The first result's path: which ticket categories customers searched for (reports).</summary>
    public string? TopPath { get; set; }
}
