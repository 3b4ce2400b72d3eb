namespace KbCore.Reviews;

/// <summary>
/// Edits travelling together on their own branch (<c>cr/&lt;id&gt;-&lt;slug&gt;</c>) until a reviewer approves and
/// they are merged onto the published branch. The commits are in git; this row holds the workflow around them.
/// </summary>
public sealed class ChangeRequest
{
    public const int MaxTitleLength = 200;

    public int Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Branch { get; set; } = string.Empty;

    public string State { get; set; } = ChangeRequestStates.Draft;

    public string AuthorId { get; set; } = string.Empty;

    public string AuthorName { get; set; } = string.Empty;

    public string AuthorEmail { get; set; } = string.Empty;

    /// <summary>The published commit the branch started from.</summary>
    public string BaseCommit { get; set; } = string.Empty;

    public string? MergeCommit { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<ChangeRequestReview> Reviews { get; set; } = [];
}
