namespace KbCore.Content;

/// <summary>The result of bringing a branch up to date with the published branch.</summary>
/// <param name="Status">Committed (merged, or already up to date when <paramref name="CommitSha"/> is null), Conflict, or NotFound.</param>
public sealed record BranchUpdate(SaveStatus Status, string? CommitSha, IReadOnlyList<MergeConflict> Conflicts)
{
    /// <summary>The published tip the update was computed against: the conflict form posts it back.</summary>
    public string? PublishedTip { get; init; }
}
