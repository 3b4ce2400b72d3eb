namespace KbCore.Reviews;

/// <summary>The life of a change request. Stored as these strings.</summary>
public static class ChangeRequestStates
{
    public const string Draft = "draft";
    public const string InReview = "in_review";
    public const string ChangesRequested = "changes_requested";
    public const string Approved = "approved";
    public const string Merged = "merged";
    public const string Closed = "closed";

    public static bool IsOpen(string state) => state is not (Merged or Closed);
}
