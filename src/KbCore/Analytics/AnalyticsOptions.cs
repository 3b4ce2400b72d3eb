namespace KbCore.Analytics;

/// <summary>Section <c>Analytics</c>.</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>Search-log rows older than this are deleted once a day.</summary>
    public int SearchLogRetentionDays { get; set; } = 365;
}
