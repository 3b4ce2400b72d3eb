namespace KbCore.Analytics;

/// <summary>A "yes, helpful" credited to one author of the article (from its git history when the vote came).</summary>
public sealed class Appreciation
{
    public long Id { get; set; }

    public long FeedbackId { get; set; }

    public ArticleFeedback? Feedback { get; set; }

    public string Path { get; set; } = string.Empty;

    public string AuthorEmail { get; set; } = string.Empty;

    public string AuthorName { get; set; } = string.Empty;

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
}
