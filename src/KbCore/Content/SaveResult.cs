namespace KbCore.Content;

/// <summary>What a save did. On a conflict it carries the current text so the author can resolve against it.</summary>
public sealed record SaveResult(SaveStatus Status)
{
    public string? CommitSha { get; init; }

    /// <summary>Blob SHA of the article as saved: the next edit's base revision.</summary>
    public string? Revision { get; init; }

    /// <summary>The branch had moved and the edit was merged with the other changes.</summary>
    public bool Merged { get; init; }

    /// <summary>The text equals what is already on the branch: no commit was made.</summary>
    public bool Unchanged { get; init; }

    public bool Created { get; init; }

    /// <summary>On a conflict: the article as it is now on the branch (null when it was deleted).</summary>
    public string? CurrentContent { get; init; }

    public string? CurrentRevision { get; init; }

    /// <summary>On a rejection: which input is wrong (<c>path</c>, <c>content</c>, <c>baseRevision</c>) and why.</summary>
    public string? Field { get; init; }

    public string? Error { get; init; }

    public static SaveResult Reject(string field, string error) => new(SaveStatus.Rejected) { Field = field, Error = error };
}
