using KbCore.Content;
using KbCore.Tests.Infrastructure;
using LibGit2Sharp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KbCore.Tests.Content;

public sealed class ContentRepositoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EnsureCreated_SeedDirectory_CreatesBareRepositoryWithOneCommitOnMain()
    {
        // Arrange
        using var seed = new TempDirectory().WriteFiles(new Dictionary<string, string>
        {
            ["billing/_index.md"] = "---\ntitle: Billing\n---\n",
            ["billing/invoices.md"] = "# Invoices\n",
            ["billing/images/chart.png"] = "not really a png",
            ["welcome.md"] = "# Welcome\n",
            ["ticket-categories.yml"] = "categories: []\n",
            [".gitignore"] = "bin/\n",
            [".github/workflows/ci.yml"] = "on: push\n",
            ["billing/.draft.md"] = "# Draft\n",
        });
        var path = _temp.Combine("content.git");
        var repository = CreateRepository(path, seed.Path);

        // Act
        repository.EnsureCreated();

        // Assert
        using var repo = new Repository(path);
        Assert.True(repo.Info.IsBare);
        Assert.Equal("refs/heads/main", repo.Refs.Head.TargetIdentifier);
        var main = repo.Branches["main"];
        Assert.NotNull(main);
        var commit = Assert.Single(repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = main }));
        Assert.Empty(commit.Parents);
        Assert.Equal(
            ["billing/_index.md", "billing/images/chart.png", "billing/invoices.md", "ticket-categories.yml", "welcome.md"],
            ListFiles(commit.Tree, string.Empty).Order(StringComparer.Ordinal));
        Assert.Equal("# Invoices\n", ((Blob)commit["billing/invoices.md"].Target).GetContentText());
        Assert.True(repo.Config.Get<bool>("receive.denyNonFastForwards").Value);
    }

    [Fact]
    public void EnsureCreated_ExistingRepository_IsLeftUntouched()
    {
        // Arrange
        using var seed = new TempDirectory().WriteFiles(new Dictionary<string, string> { ["a.md"] = "# A\n" });
        var path = _temp.Combine("content.git");
        CreateRepository(path, seed.Path).EnsureCreated();
        string firstSha;
        using (var repo = new Repository(path))
        {
            firstSha = repo.Branches["main"].Tip.Sha;
        }

        File.WriteAllText(Path.Combine(seed.Path, "b.md"), "# B\n");

        // Act
        CreateRepository(path, seed.Path).EnsureCreated();

        // Assert
        using var reopened = new Repository(path);
        Assert.Equal(firstSha, reopened.Branches["main"].Tip.Sha);
        Assert.Null(reopened.Branches["main"].Tip["b.md"]);
    }

    [Fact]
    public void EnsureCreated_NoSeedDirectory_CreatesEmptyBareRepository()
    {
        // Arrange
        var path = _temp.Combine("content.git");
        var repository = CreateRepository(path, seed: _temp.Combine("does-not-exist"));

        // Act
        repository.EnsureCreated();

        // Assert
        using var repo = new Repository(path);
        Assert.True(repo.Info.IsBare);
        Assert.Null(repo.Branches["main"]);
        Assert.Equal("refs/heads/main", repo.Refs.Head.TargetIdentifier);
    }

    [Fact]
    public void EnsureCreated_NonEmptyFolderThatIsNotARepository_Throws()
    {
        // Arrange
        var path = _temp.Combine("not-a-repo");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "precious.txt"), "do not overwrite");
        var repository = CreateRepository(path, seed: null);

        // Act
        var e = Assert.Throws<InvalidOperationException>(repository.EnsureCreated);

        // Assert
        Assert.Contains("not a git repository", e.Message, StringComparison.Ordinal);
        Assert.Equal(["precious.txt"], Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName));
    }

    [Fact]
    public void Constructor_NoRepositoryPath_Throws()
    {
        // Arrange
        var options = Options.Create(new ContentOptions());

        // Act
        var e = Assert.Throws<InvalidOperationException>(() => new ContentRepository(options, NullLogger<ContentRepository>.Instance));

        // Assert
        Assert.Contains("Content:Repository", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBlob_ExistingBlob_ReturnsBytesAndRespectsLimit()
    {
        // Arrange
        using var git = TempGitRepo.CreateBare();
        git.Commit(new Dictionary<string, string?> { ["a.md"] = "hello" });
        var repository = CreateRepository(git.Path, seed: null);
        string sha;
        using (var repo = new Repository(git.Path))
        {
            sha = repo.Branches["main"].Tip["a.md"].Target.Sha;
        }

        // Act
        var bytes = repository.ReadBlob(sha, maxBytes: 5);
        var tooBig = repository.ReadBlob(sha, maxBytes: 4);
        var missing = repository.ReadBlob(new string('0', 40), maxBytes: 100);

        // Assert
        Assert.Equal("hello"u8.ToArray(), bytes);
        Assert.Null(tooBig);
        Assert.Null(missing);
    }

    [Fact]
    public void GetHistory_FileChangedByTwoAuthors_ReturnsLastChangeAndAuthorsMostRecentFirst()
    {
        // Arrange
        using var git = TempGitRepo.CreateBare();
        git.Commit(new Dictionary<string, string?> { ["a.md"] = "v1", ["b.md"] = "b" }, author: "Ada First");
        git.Commit(new Dictionary<string, string?> { ["a.md"] = "v2" }, author: "Ben Second");
        var tip = git.Commit(new Dictionary<string, string?> { ["b.md"] = "b2" }, author: "Cy Unrelated");
        var repository = CreateRepository(git.Path, seed: null);
        string blob;
        DateTimeOffset secondWhen;
        using (var repo = new Repository(git.Path))
        {
            var tipCommit = repo.Lookup<Commit>(tip);
            blob = tipCommit["a.md"].Target.Sha;
            secondWhen = tipCommit.Parents.Single().Author.When;
        }

        // Act
        var history = repository.GetHistory("a.md", blob, tip);

        // Assert
        Assert.Equal(["Ben Second", "Ada First"], history.Contributors);
        Assert.Equal(secondWhen, history.LastUpdated);
    }

    [Fact]
    public void RecentlyChanged_SeveralCommits_ListsEachPathOnceNewestFirst()
    {
        // Arrange
        using var git = TempGitRepo.CreateBare();
        git.Commit(new Dictionary<string, string?> { ["a.md"] = "a", ["b.md"] = "b" });
        git.Commit(new Dictionary<string, string?> { ["c.md"] = "c" });
        var tip = git.Commit(new Dictionary<string, string?> { ["a.md"] = "a2", ["b.md"] = null });
        var repository = CreateRepository(git.Path, seed: null);

        // Act
        var changed = repository.RecentlyChanged(tip, limit: 10);

        // Assert: the deletion of b.md is not a change to show; b.md still appears from its creation.
        Assert.Equal(["a.md", "c.md", "b.md"], changed.Select(c => c.Path));
        Assert.True(changed[0].When > changed[1].When);
    }

    private static ContentRepository CreateRepository(string path, string? seed) =>
        new(Options.Create(TestContent.Options(path, seed)), NullLogger<ContentRepository>.Instance);

    private static IEnumerable<string> ListFiles(Tree tree, string prefix)
    {
        foreach (var entry in tree)
        {
            var path = prefix + entry.Name;
            if (entry.TargetType == TreeEntryTargetType.Tree)
            {
                foreach (var child in ListFiles((Tree)entry.Target, path + "/"))
                {
                    yield return child;
                }
            }
            else
            {
                yield return path;
            }
        }
    }
}
