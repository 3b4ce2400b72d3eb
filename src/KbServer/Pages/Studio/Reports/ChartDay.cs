namespace KbServer.Pages.Studio.Reports;

/// <summary>One bar of <see cref="DailyChart"/>: the day's total, the highlighted part of it, and the tooltip.</summary>
public sealed record ChartDay(DateOnly Day, int Total, int Part, string Tooltip);
