namespace KbCore.Reviews;

/// <summary>A reviewer's verdict on a change request at one branch head; a new commit makes it stale.</summary>
public sealed class ChangeRequestReview
{
    public const string Approve = "approve";
    public const string RequestChanges = "request_changes";

    public int Id { get; set; }

    public int ChangeRequestId { get; set; }

    public string ReviewerId { get; set; } = string.Empty;

    public string ReviewerName { get; set; } = string.Empty;

    public string ReviewerEmail { get; set; } = string.Empty;

    public string Verdict { get; set; } = Approve;

    /// <summary>The branch head the verdict was given on.</summary>
    public string HeadCommit { get; set; } = string.Empty;

    public DateTime At { get; set; }
}
