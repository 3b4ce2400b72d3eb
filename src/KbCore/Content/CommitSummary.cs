namespace KbCore.Content;

/// <summary>One commit as the team sees it in lists: who, when, why, and which files.</summary>
public sealed record CommitSummary(string Sha, string AuthorName, string AuthorEmail, DateTimeOffset When, string Message, IReadOnlyList<string> Paths)
{
    /// <summary>The <c>Approved-by:</c> trailers of a merged change request: who approved it.</summary>
    public IReadOnlyList<string> ApprovedBy { get; init; } = [];

    /// <summary>For a merge: the names of the people whose commits it brings in (the merger is <see cref="AuthorName"/>).</summary>
    public IReadOnlyList<string> MergedAuthors { get; init; } = [];

    /// <summary>Who to credit in a list: the authors of a merge's commits and who merged them, or the commit's author.</summary>
    public string Byline => MergedAuthors.Count == 0 || (MergedAuthors.Count == 1 && MergedAuthors[0] == AuthorName)
        ? AuthorName
        : $"{string.Join(", ", MergedAuthors)} (merged by {AuthorName})";
}
