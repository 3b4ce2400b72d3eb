namespace KbCore.Reviews;

/// <summary>A reviewer's remark anchored to a line of an article in a change request.</summary>
public sealed class ReviewComment
{
    public const int MaxBodyLength = 4000;

    public int Id { get; set; }

    public int ChangeRequestId { get; set; }

    public string Path { get; set; } = string.Empty;

    public int Line { get; set; }

    public string AuthorId { get; set; } = string.Empty;

    public string AuthorName { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public bool Resolved { get; set; }

    public DateTime At { get; set; }
}
