using System.Text;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.GitHttp;

/// <summary>
/// Branch names a push must not create (issue 16), pushed with the real git client: each is refused with git's
/// <c>remote:</c> reason, no ref changes, and pushing to <c>main</c> keeps working after every attempt.
/// </summary>
public sealed class PushedRefTests : IDisposable
{
    private readonly GitRemote _remote = new();

    public static TheoryData<string, string> Refused => new()
    {
        { "HEAD", "special ref" },
        { "FETCH_HEAD", "special ref" },
        { "ORIG_HEAD", "special ref" },
        { "MERGE_HEAD", "special ref" },
        { "CHERRY_PICK_HEAD", "special ref" },
        { "refs/heads/main", "cannot start with `refs/`" },
        { "refs/remotes/origin/main", "cannot start with `refs/`" },
        { "heads/main", "cannot start with `refs/`" },
        { "tags/v1", "cannot start with `refs/`" },
        { new string('a', 40), "look like a commit id" },
        { string.Concat(Enumerable.Repeat("0123456789abcdef", 4)), "look like a commit id" },
        { "@", "`@{`" },
        { "main@", "cannot end with `@`" },
        { "fix\u202Eevil", "direction-changing" },
        { "ma\u200Bin", "zero-width" },
        { "ma\u2066in", "direction-changing" },
        { new string('a', 1200), "1 to 200 bytes" },
        { string.Concat(Enumerable.Repeat("\u20AC", 200)), "1 to 200 bytes" },
        { string.Concat(Enumerable.Repeat("\u20AC", 60)) + "/" + string.Concat(Enumerable.Repeat("\u20AC", 60)), "1 to 200 bytes" },
        { "cafe\u0301", "NFC" },
        { "Main", "only by letter case" },
        { "MAIN/x", "only by letter case" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task RefusedBranchName_AnswersWithARemoteReason_ChangesNoRef_AndMainStillTakesPushes(string name, string reason)
    {
        var clone = await _remote.PusherCloneAsync("refs");
        var before = _remote.Refs();

        var push = Git.TryRun(clone, "push", "origin", "HEAD:refs/heads/" + name);

        Assert.NotEqual(0, push.Code);
        Assert.Contains("remote: KnowledgeBase: refs/heads/", push.Output, StringComparison.Ordinal);
        Assert.Contains(reason, push.Output, StringComparison.Ordinal);
        Assert.Equal(before, _remote.Refs());
        AssertMainTakesPushes(clone);
    }

    [Fact]
    public async Task EveryRefusedName_InOneSession_LeavesMainPushable()
    {
        // The regression of the issue: after `refs/heads/refs/heads/main` existed, `HEAD:refs/heads/main` matched two refs.
        var clone = await _remote.PusherCloneAsync("session");
        foreach (var name in Refused.Select(row => (string)row[0]))
        {
            Assert.NotEqual(0, Git.TryRun(clone, "push", "origin", "HEAD:refs/heads/" + name).Code);
            AssertMainTakesPushes(clone);
        }

        Assert.Equal(["refs/heads/main"], _remote.Refs().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[1]));
    }

    [Fact]
    public async Task TwinOfARefMadeOnTheServer_IsRefused_ButAPlainNewBranchIsNot()
    {
        // An NFD branch made with git on the server itself (before these rules): its NFC spelling is the same file on macOS.
        var tip = _remote.Tip();
        Git.Run(_remote.Server.RepositoryPath, "update-ref", "refs/heads/notes/cafe\u0301", tip);
        var clone = await _remote.PusherCloneAsync("twins");

        var twin = Git.TryRun(clone, "push", "origin", "HEAD:refs/heads/notes/caf\u00E9");
        var folderTwin = Git.TryRun(clone, "push", "origin", "HEAD:refs/heads/Notes/other");
        var plain = Git.TryRun(clone, "push", "origin", "HEAD:refs/heads/notes/tea");

        Assert.NotEqual(0, twin.Code);
        Assert.Contains("only by letter case or accents", twin.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, folderTwin.Code);
        Assert.Contains("`refs/heads/Notes` differs from the existing `refs/heads/notes`", folderTwin.Output, StringComparison.Ordinal);
        Assert.True(plain.Code == 0, plain.Output);
        Assert.Contains("refs/heads/notes/tea", _remote.Refs(), StringComparison.Ordinal);
        Assert.DoesNotContain("caf\u00E9", _remote.Refs(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrphanBranch_IsRefused_AndChecksInBoundedTime()
    {
        var clone = await _remote.PusherCloneAsync("orphan");
        Git.Run(clone, "checkout", "-q", "--orphan", "lonely");
        GitRemote.Commit(clone, "Unrelated history", new Dictionary<string, byte[]> { ["elsewhere.md"] = "---\ntitle: Elsewhere\n---\nNothing in common.\n"u8.ToArray() });
        var before = _remote.Refs();

        var started = System.Diagnostics.Stopwatch.StartNew();
        var push = Git.TryRun(clone, "push", "origin", "lonely");
        started.Stop();

        Assert.NotEqual(0, push.Code);
        Assert.Contains("remote: KnowledgeBase: refs/heads/lonely: its history shares no commit with main", push.Output, StringComparison.Ordinal);
        Assert.Equal(before, _remote.Refs());
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"refusing took {started.Elapsed}");
    }

    [Fact]
    public async Task BranchPointingAtATree_IsRefused()
    {
        var clone = await _remote.PusherCloneAsync("trees");
        GitRemote.Commit(clone, "A tree of its own", new Dictionary<string, byte[]> { ["invoicing/tree-only.md"] = "---\ntitle: Tree\n---\nTree.\n"u8.ToArray() });
        var tree = Git.Run(clone, "rev-parse", "HEAD^{tree}").Trim();
        var before = _remote.Refs();

        var push = Git.TryRun(clone, "push", "origin", $"{tree}:refs/heads/treeish");

        Assert.NotEqual(0, push.Code);
        Assert.Contains("remote: KnowledgeBase: a branch can only point to a commit", push.Output, StringComparison.Ordinal);
        Assert.Equal(before, _remote.Refs());
    }

    [Fact]
    public async Task DeletingOwnBranch_StillWorks()
    {
        var clone = await _remote.PusherCloneAsync("deleter");
        Git.Run(clone, "push", "-q", "origin", "HEAD:refs/heads/topic/tidy");

        Git.Run(clone, "push", "-q", "origin", ":refs/heads/topic/tidy");

        Assert.DoesNotContain("topic/tidy", _remote.Refs(), StringComparison.Ordinal);
        AssertMainTakesPushes(clone);
    }

    private void AssertMainTakesPushes(string clone)
    {
        Git.Run(clone, "pull", "-q", "--rebase", "origin", "main");
        GitRemote.Commit(clone, "Still pushable " + Guid.NewGuid(), new Dictionary<string, byte[]>());
        var push = Git.TryRun(clone, "push", "origin", "HEAD:refs/heads/main");
        Assert.True(push.Code == 0, push.Output);
        Assert.Equal(Git.Run(clone, "rev-parse", "HEAD").Trim(), _remote.Tip());
    }

    public void Dispose() => _remote.Dispose();
}
