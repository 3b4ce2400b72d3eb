namespace KbCore.Analytics;

/// <summary>
/// A reader's "was this helpful?" answer. <see cref="VoterKey"/> is a keyed hash of a random browser cookie and
/// the path: it makes one vote per browser per article without storing who voted.
/// </summary>
public sealed class ArticleFeedback
{
    public const int MaxCommentLength = 1000;

    public long Id { get; set; }

    public string Path { get; set; } = string.Empty;

    public bool Helpful { get; set; }

    public string? Comment { get; set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }

    public string VoterKey { get; set; } = string.Empty;
}
