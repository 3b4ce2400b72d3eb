using LibGit2Sharp;

namespace KbCore.Content;

/// <summary>Creates a new bare content repository whose first commit holds a folder's files.</summary>
internal static class RepositorySeeder
{
    private const string AuthorName = "KnowledgeBase";
    public const string AuthorEmail = "kb@localhost";

    public static void CreateBare(string path, string branch, string? seedDirectory)
    {
        Directory.CreateDirectory(path);
        LibGit2Sharp.Repository.Init(path, isBare: true);
        using var repo = new Repository(path);
        repo.Refs.UpdateTarget("HEAD", "refs/heads/" + branch);

        // Pushes from people's clones must not rewrite what customers already saw.
        repo.Config.Set("receive.denyNonFastForwards", true);
        if (seedDirectory is null || !Directory.Exists(seedDirectory))
        {
            return;
        }

        var tree = new TreeDefinition();
        var root = Path.GetFullPath(seedDirectory);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part.StartsWith('.')))
            {
                continue;
            }

            using var stream = File.OpenRead(file);
            tree.Add(relative, repo.ObjectDatabase.CreateBlob(stream), Mode.NonExecutableFile);
        }

        var now = new Signature(AuthorName, AuthorEmail, DateTimeOffset.Now);
        var commit = repo.ObjectDatabase.CreateCommit(now, now, "Create help center from sample content\n", repo.ObjectDatabase.CreateTree(tree), [], prettifyMessage: false);
        repo.Refs.Add("refs/heads/" + branch, commit.Id);
    }
}
