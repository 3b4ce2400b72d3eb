namespace KbCore.Analytics;

/// <summary>The team's authoring over a period: per author, and per day (every day of the period, oldest first).</summary>
public sealed record AuthorReport(IReadOnlyList<AuthorActivity> Authors, IReadOnlyList<AuthoringDay> ByDay);
