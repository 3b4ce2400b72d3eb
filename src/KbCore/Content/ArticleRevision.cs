namespace KbCore.Content;

/// <summary>One version of an article in git history.</summary>
/// <param name="FilePath">The file's path in that commit (an article keeps its history across renames).</param>
/// <param name="BlobSha">The content at that commit, or null in the commit that deleted it.</param>
public sealed record ArticleRevision(string CommitSha, string FilePath, string? BlobSha, string AuthorName, string AuthorEmail, DateTimeOffset When, string Message)
{
    /// <summary>Who approved the change request this version was merged with (the merge commit's trailers).</summary>
    public IReadOnlyList<string> ApprovedBy { get; init; } = [];
}
