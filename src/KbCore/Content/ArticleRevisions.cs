using LibGit2Sharp;
using Microsoft.Extensions.Options;

namespace KbCore.Content;

/// <summary>An article's history for the studio: its versions (following renames), any old text, and the commits that removed it.</summary>
public sealed class ArticleRevisions(ContentRepository repository, IOptions<ContentOptions> options)
{
    public const int MaxRevisions = 500;

    /// <summary>Newest first. For a deleted article the list starts with the commit that deleted it.</summary>
    public IReadOnlyList<ArticleRevision> History(string filePath)
    {
        using var repo = repository.Open();
        var tip = repo.Branches[options.Value.Branch]?.Tip;
        if (tip is null)
        {
            return [];
        }

        var result = new List<ArticleRevision>();
        var start = tip;
        if (tip[filePath] is null)
        {
            // Deleted (or never existed): find the deleting commit on the main line, then follow the file from its parent.
            var walker = tip;
            for (var i = 0; walker is not null && i < 2000; i++)
            {
                var parent = walker.Parents.FirstOrDefault();
                if (parent?[filePath] is not null)
                {
                    result.Add(Revision(walker, filePath, blobSha: null));
                    start = parent;
                    break;
                }

                walker = parent;
            }

            if (result.Count == 0)
            {
                return [];
            }
        }

        var filter = new CommitFilter { IncludeReachableFrom = start, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time };
        var versions = new List<ArticleRevision>();
        foreach (var entry in repo.Commits.QueryBy(filePath, filter).Take(MaxRevisions))
        {
            versions.Add(Revision(entry.Commit, entry.Path, (entry.Commit[entry.Path]?.Target as Blob)?.Sha));
        }

        // File history lists the branch commits a merge brought in, not the merge itself; the merges that changed the
        // file on the published line are where approvals are recorded, so they are listed too.
        var line = start;
        for (var i = 0; line is not null && i < 1000; i++, line = line.Parents.FirstOrDefault())
        {
            var sha = line.Sha;
            if (line.Parents.Count() > 1 && (line[filePath]?.Target as Blob)?.Sha is { } merged &&
                merged != (line.Parents.First()[filePath]?.Target as Blob)?.Sha && versions.All(v => v.CommitSha != sha))
            {
                versions.Add(Revision(line, filePath, merged));
            }
        }

        result.AddRange(versions.OrderByDescending(v => v.When));
        return result;
    }

    /// <summary>The article's text in a commit of its history, or null.</summary>
    public string? TextAt(string commitSha, string filePath)
    {
        using var repo = repository.Open();
        return repo.Lookup<Commit>(commitSha)?[filePath]?.Target is Blob { Size: <= 2 * ContentWriter.MaxContentBytes } blob ? blob.GetContentText() : null;
    }

    private static ArticleRevision Revision(Commit commit, string filePath, string? blobSha) =>
        new(commit.Sha, filePath, blobSha, commit.Author.Name, commit.Author.Email, commit.Author.When, commit.MessageShort)
        {
            ApprovedBy = Trailers.Values(commit.Message, Trailers.ApprovedBy),
        };
}
