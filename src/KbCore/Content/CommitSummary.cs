namespace KbCore.Content;

/// <summary>One commit as the team sees it in lists: who, when, why, and which files.</summary>
public sealed record CommitSummary(string Sha, string AuthorName, string AuthorEmail, DateTimeOffset When, string Message, IReadOnlyList<string> Paths)
{
    /// <summary>The <c>Approved-by:</c> trailers of a merged change request: who approved it.</summary>
    public IReadOnlyList<string> ApprovedBy { get; init; } = [];
}
