namespace KbCore.Analytics;

/// <summary>How often an article page was served on one day: counts only, no visitor data.</summary>
public sealed class ArticleViewCount
{
    public string Path { get; set; } = string.Empty;

    /// <summary>UTC midnight of the day.</summary>
    public DateTime Day { get; set; }

    public int Views { get; set; }
}
