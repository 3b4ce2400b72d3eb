using System.Text;
using LibGit2Sharp;

namespace KbCore.Tests.Infrastructure;

/// <summary>
/// A real git repository (bare or with a work tree) in the system temp directory, deleted on dispose.
/// <see cref="Commit"/> writes a dictionary of files as one commit on <see cref="Branch"/>.
/// </summary>
public sealed class TempGitRepo : IDisposable
{
    public const string Branch = "main";

    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private int _commits;

    private TempGitRepo(bool bare)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kbcore-repo-{Guid.NewGuid():N}");
        IsBare = bare;
        Directory.CreateDirectory(Path);
        Repository.Init(Path, isBare: bare);
        using var repo = new Repository(Path);
        repo.Refs.UpdateTarget("HEAD", "refs/heads/" + Branch);
    }

    /// <summary>The repository folder (the git directory itself for a bare repository).</summary>
    public string Path { get; }

    public bool IsBare { get; }

    public static TempGitRepo CreateBare() => new(bare: true);

    public static TempGitRepo CreateNonBare() => new(bare: false);

    /// <summary>SHA of the branch tip, or null before the first commit.</summary>
    public string? TipSha
    {
        get
        {
            using var repo = new Repository(Path);
            return repo.Branches[Branch]?.Tip?.Sha;
        }
    }

    /// <summary>
    /// Commits <paramref name="files"/> (forward-slash paths; a null text deletes the file) on top of the branch tip.
    /// A bare repository is written through the object database, a non-bare one through its work tree and index.
    /// </summary>
    /// <returns>The new commit's SHA.</returns>
    public string Commit(IReadOnlyDictionary<string, string?> files, string message = "test commit", string author = "Test Author")
    {
        ArgumentNullException.ThrowIfNull(files);
        var binary = files.ToDictionary(f => f.Key, f => f.Value is null ? null : Encoding.UTF8.GetBytes(f.Value), StringComparer.Ordinal);
        return CommitBytes(binary, message, author);
    }

    /// <summary>Like <see cref="Commit"/> with raw bytes (images, a BOM).</summary>
    public string CommitBytes(IReadOnlyDictionary<string, byte[]?> files, string message = "test commit", string author = "Test Author")
    {
        ArgumentNullException.ThrowIfNull(files);
        using var repo = new Repository(Path);

        // Distinct, increasing times so history order never depends on the clock's resolution.
        var when = Epoch.AddMinutes(++_commits);
        var signature = new Signature(author, author.Replace(' ', '.').ToLowerInvariant() + "@example.test", when);
        return IsBare ? CommitToObjectDatabase(repo, files, message, signature) : CommitToWorkTree(repo, files, message, signature);
    }

    public void Dispose() => TempDirectory.DeleteTree(Path);

    private static string CommitToObjectDatabase(Repository repo, IReadOnlyDictionary<string, byte[]?> files, string message, Signature signature)
    {
        var parent = repo.Branches[Branch]?.Tip;
        var tree = parent is null ? new TreeDefinition() : TreeDefinition.From(parent.Tree);
        foreach (var (path, bytes) in files)
        {
            if (bytes is null)
            {
                tree.Remove(path);
                continue;
            }

            using var stream = new MemoryStream(bytes);
            tree.Add(path, repo.ObjectDatabase.CreateBlob(stream), Mode.NonExecutableFile);
        }

        var commit = repo.ObjectDatabase.CreateCommit(
            signature,
            signature,
            message,
            repo.ObjectDatabase.CreateTree(tree),
            parent is null ? [] : [parent],
            prettifyMessage: true);
        if (parent is null)
        {
            repo.Refs.Add("refs/heads/" + Branch, commit.Id);
        }
        else
        {
            repo.Refs.UpdateTarget(repo.Refs["refs/heads/" + Branch], commit.Id, "test commit");
        }

        return commit.Sha;
    }

    private string CommitToWorkTree(Repository repo, IReadOnlyDictionary<string, byte[]?> files, string message, Signature signature)
    {
        foreach (var (path, bytes) in files)
        {
            var full = System.IO.Path.Combine([Path, .. path.Split('/')]);
            if (bytes is null)
            {
                File.Delete(full);
                Commands.Remove(repo, path);
                continue;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
            Commands.Stage(repo, path);
        }

        return repo.Commit(message, signature, signature).Sha;
    }
}
