using System.Collections.Concurrent;
using LibGit2Sharp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KbCore.Content;

/// <summary>
/// The content git repository on disk. Creates it from the seed folder on first start and hands out
/// short-lived <see cref="Repository"/> handles: LibGit2Sharp handles must not be shared across threads.
/// </summary>
public sealed class ContentRepository
{
    private readonly ContentOptions _options;
    private readonly ILogger<ContentRepository> _logger;
    private readonly ConcurrentDictionary<(string Path, string Blob), ArticleHistory> _history = new();
    private readonly Lock _initLock = new();
    private bool _initialized;

    public ContentRepository(IOptions<ContentOptions> options, ILogger<ContentRepository> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        Path = _options.Repository ?? throw new InvalidOperationException("Content:Repository is not set");
    }

    /// <summary>Absolute path of the repository (its git directory for a bare one).</summary>
    public string Path { get; }

    public string Branch => _options.Branch;

    /// <summary>Opens the repository, creating and seeding it first if it does not exist yet.</summary>
    public Repository Open()
    {
        EnsureCreated();
        return new Repository(Path);
    }

    /// <summary>
    /// Creates a bare repository with one commit holding the seed folder, unless a repository is already there.
    /// </summary>
    public void EnsureCreated()
    {
        if (_initialized)
        {
            return;
        }

        lock (_initLock)
        {
            if (_initialized)
            {
                return;
            }

            if (!LibGit2Sharp.Repository.IsValid(Path))
            {
                if (!_options.CreateIfMissing)
                {
                    throw new ContentRepositoryNotFoundException($"No git repository at '{Path}'. Start the server once to create it, or pass --Content:Repository=<path>.");
                }

                if (Directory.Exists(Path) && Directory.EnumerateFileSystemEntries(Path).Any())
                {
                    throw new InvalidOperationException($"Content:Repository '{Path}' exists but is not a git repository");
                }

                RepositorySeeder.CreateBare(Path, _options.Branch, _options.SeedDirectory);
                _logger.LogInformation("Created content repository {Path} from {Seed}", Path, _options.SeedDirectory ?? "(nothing)");
            }

            _initialized = true;
        }
    }

    /// <summary>Reads a blob fully, or null when it is missing or bigger than <paramref name="maxBytes"/>.</summary>
    public byte[]? ReadBlob(string sha, long maxBytes)
    {
        using var repo = Open();
        var blob = repo.Lookup<Blob>(sha);
        if (blob is null || blob.Size > maxBytes)
        {
            return null;
        }

        using var stream = blob.GetContentStream();
        using var buffer = new MemoryStream((int)blob.Size);
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// Last change and authors of a file as of <paramref name="commitSha"/>. Cached per (path, blob):
    /// while the file's content is unchanged, so is its history.
    /// </summary>
    public ArticleHistory GetHistory(string filePath, string blobSha, string commitSha) =>
        _history.GetOrAdd((filePath, blobSha), key => LoadHistory(key.Path, commitSha));

    private ArticleHistory LoadHistory(string filePath, string commitSha)
    {
        using var repo = Open();
        var filter = new CommitFilter
        {
            IncludeReachableFrom = commitSha,
            SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time,
        };
        DateTimeOffset? last = null;
        DateTimeOffset? first = null;
        var authors = new List<string>();
        foreach (var entry in repo.Commits.QueryBy(filePath, filter).Take(200))
        {
            last ??= entry.Commit.Author.When;
            first = entry.Commit.Author.When;

            // The commit that seeded the repository is the installer's, not a person's.
            if (entry.Commit.Author.Email != RepositorySeeder.AuthorEmail && !authors.Contains(entry.Commit.Author.Name, StringComparer.Ordinal))
            {
                authors.Add(entry.Commit.Author.Name);
            }
        }

        return new ArticleHistory(last, authors, first);
    }

    /// <summary>
    /// Files most recently changed on the branch, newest first, following first parents from
    /// <paramref name="commitSha"/> for at most <paramref name="maxCommits"/> commits.
    /// </summary>
    public IReadOnlyList<(string Path, DateTimeOffset When)> RecentlyChanged(string commitSha, int limit, int maxCommits = 200)
    {
        using var repo = Open();
        var result = new List<(string, DateTimeOffset)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var commit = repo.Lookup<Commit>(commitSha);
        for (var i = 0; commit is not null && i < maxCommits && result.Count < limit; i++)
        {
            var parent = commit.Parents.FirstOrDefault();
            var changes = repo.Diff.Compare<TreeChanges>(parent?.Tree, commit.Tree);
            foreach (var change in changes.Where(c => c.Status is ChangeKind.Added or ChangeKind.Modified or ChangeKind.Renamed)
                         .OrderBy(c => c.Path, StringComparer.Ordinal))
            {
                if (seen.Add(change.Path))
                {
                    result.Add((change.Path, commit.Author.When));
                }
            }

            commit = parent;
        }

        return result;
    }

    /// <summary>The newest commits reachable from <paramref name="commitSha"/>, first parents only, with the files each touched.</summary>
    public IReadOnlyList<CommitSummary> RecentCommits(string commitSha, int limit)
    {
        using var repo = Open();
        var result = new List<CommitSummary>();
        var commit = repo.Lookup<Commit>(commitSha);
        while (commit is not null && result.Count < limit)
        {
            var parent = commit.Parents.FirstOrDefault();
            result.Add(Summarize(repo, commit, parent));
            commit = parent;
        }

        return result;
    }

    /// <summary>
    /// The newest commits by one author (email, any case) among the first <paramref name="maxCommits"/> first-parent
    /// commits from <paramref name="commitSha"/>, with the files each touched. Only matching commits are diffed, so a
    /// busy branch costs a walk of commit headers, not a diff per commit.
    /// </summary>
    public IReadOnlyList<CommitSummary> RecentCommitsBy(string commitSha, string authorEmail, int limit, int maxCommits = 500)
    {
        using var repo = Open();
        var result = new List<CommitSummary>();
        var commit = repo.Lookup<Commit>(commitSha);
        for (var i = 0; commit is not null && i < maxCommits && result.Count < limit; i++)
        {
            var parent = commit.Parents.FirstOrDefault();
            if (string.Equals(commit.Author.Email, authorEmail, StringComparison.OrdinalIgnoreCase))
            {
                result.Add(Summarize(repo, commit, parent));
            }

            commit = parent;
        }

        return result;
    }

    /// <summary>
    /// A first-parent commit for lists, with the files it changed against its first parent and, for a merge, who wrote
    /// what it brings in: its <c>Co-authored-by:</c> trailers, or for a merge made elsewhere, the merged commits' authors.
    /// </summary>
    private static CommitSummary Summarize(Repository repo, Commit commit, Commit? parent)
    {
        var paths = repo.Diff.Compare<TreeChanges>(parent?.Tree, commit.Tree).Select(c => c.Path).Take(50).ToList();
        var merged = Trailers.Values(commit.Message, Trailers.CoAuthoredBy).Select(Trailers.NameOf).Distinct(StringComparer.Ordinal).ToList();
        if (merged.Count == 0 && parent is not null && commit.Parents.Skip(1).FirstOrDefault() is { } side)
        {
            merged = repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = side, ExcludeReachableFrom = parent })
                .Take(200).Select(c => c.Author.Name).Distinct(StringComparer.Ordinal).ToList();
        }

        return new CommitSummary(commit.Sha, commit.Author.Name, commit.Author.Email, commit.Author.When, commit.MessageShort, paths)
        {
            ApprovedBy = Trailers.Values(commit.Message, Trailers.ApprovedBy),
            MergedAuthors = merged,
        };
    }
}
