using System.Text;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.GitHttp;

/// <summary>
/// Files a push brings are judged by the same rules as studio saves (issue 16): each refused file is named in git's
/// <c>remote:</c> lines with its reason, the refs stay where they were, and what the server already holds never
/// blocks an unrelated push.
/// </summary>
public sealed class PushedFileTests : IDisposable
{
    private static readonly byte[] Article = "---\ntitle: Pushed\n---\nBody.\n"u8.ToArray();

    private readonly GitRemote _remote = new();

    public static TheoryData<string> RefusedPaths => new()
    {
        "account-and-billing/CON.md",
        "account-and-billing/lpt1.txt.md",
        "account-and-billing/-leading-dash.md",
        "trailing-dot./notes.md",
        "account-and-billing/zero\u200Bwidth.md",
        "account-and-billing/bidi\u202Eevil.md",
        "account-and-billing/cafe\u0301.md",
    };

    [Theory]
    [MemberData(nameof(RefusedPaths))]
    public async Task RefusedPath_IsNamedWithItsReason_AndNoRefMoves(string path)
    {
        var clone = await _remote.PusherCloneAsync("paths");
        GitRemote.Commit(clone, "Add a file", new Dictionary<string, byte[]> { [path] = Article });
        var before = _remote.Refs();

        var push = Git.TryRun(clone, "-c", "core.quotePath=false", "push", "origin", "main");

        Assert.NotEqual(0, push.Code);
        Assert.Contains($"remote: KnowledgeBase: {path}: ", push.Output, StringComparison.Ordinal);
        Assert.Contains("pre-receive hook declined", push.Output, StringComparison.Ordinal);
        Assert.Equal(before, _remote.Refs());
    }

    [Fact]
    public async Task GitShortName_IsRefusedByGitsOwnCheckBeforeTheHook()
    {
        // receive.fsckObjects sees `git~1` (the 8.3 name of `.git` on Windows) before the hook runs; the pusher reads git's reason.
        var clone = await _remote.PusherCloneAsync("shortname");
        GitRemote.Commit(clone, "Add a file", new Dictionary<string, byte[]> { ["git~1/notes.md"] = Article });
        var before = _remote.Refs();

        var push = Git.TryRun(clone, "push", "origin", "main");

        Assert.NotEqual(0, push.Code);
        Assert.Contains("remote: error: object", push.Output, StringComparison.Ordinal);
        Assert.Contains("hasDotgit", push.Output, StringComparison.Ordinal);
        Assert.Equal(before, _remote.Refs());
    }

    [Fact]
    public async Task CaseTwinOfAnExistingArticle_AndOfAFolder_AreRefused()
    {
        var clone = await _remote.PusherCloneAsync("case");
        var existing = Git.Run(clone, "ls-files", "account-and-billing").Split('\n')[0];
        var upper = existing[..(existing.LastIndexOf('/') + 1)] + existing[(existing.LastIndexOf('/') + 1)..].ToUpperInvariant();
        GitRemote.Commit(clone, "Add twins", new Dictionary<string, byte[]>
        {
            [upper] = Article,
            ["Invoicing/new-one.md"] = Article,
        });
        var before = _remote.Refs();

        var push = Git.TryRun(clone, "push", "origin", "HEAD:refs/heads/twins");

        Assert.NotEqual(0, push.Code);
        Assert.True(push.Output.Contains($"remote: KnowledgeBase: {upper}: it differs from `{existing}` only by letter case", StringComparison.Ordinal), push.Output);
        Assert.Contains("remote: KnowledgeBase: Invoicing/new-one.md: its folder `Invoicing`", push.Output, StringComparison.Ordinal);
        Assert.Equal(before, _remote.Refs());
    }

    [Fact]
    public async Task NfcTwinOfAFileMadeOnTheServer_IsRefused_WhileUnrelatedPushesLand()
    {
        // An NFD file that reached main without the server (a push straight into the repository folder).
        var direct = await _remote.PusherCloneAsync("direct");
        GitRemote.Commit(direct, "Add an NFD file directly", new Dictionary<string, byte[]> { ["invoicing/cafe\u0301.md"] = Article });
        Git.Run(direct, "push", "-q", _remote.Server.RepositoryPath, "HEAD:main");
        var clone = await _remote.PusherCloneAsync("nfc");

        GitRemote.Commit(clone, "Add an unrelated article", new Dictionary<string, byte[]> { ["invoicing/unrelated.md"] = Article });
        var unrelated = Git.TryRun(clone, "push", "origin", "main");
        GitRemote.Commit(clone, "Add the NFC twin", new Dictionary<string, byte[]> { ["invoicing/caf\u00E9.md"] = Article });
        var twin = Git.TryRun(clone, "-c", "core.quotePath=false", "push", "origin", "main");

        Assert.True(unrelated.Code == 0, unrelated.Output);
        Assert.NotEqual(0, twin.Code);
        Assert.Contains("remote: KnowledgeBase: invoicing/caf\u00E9.md: it differs from `invoicing/cafe\u0301.md` only by letter case or accents", twin.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentRules_RefuseALargeArticleAndAFakeImage_InAnyPushedCommit()
    {
        var clone = await _remote.PusherCloneAsync("content");
        var large = Encoding.UTF8.GetBytes("---\ntitle: Large\n---\n" + new string('x', 1024 * 1024 + 1) + "\n");
        GitRemote.Commit(clone, "Add a large article and a fake image", new Dictionary<string, byte[]>
        {
            ["invoicing/large.md"] = large,
            ["invoicing/chart.png"] = "not an image at all"u8.ToArray(),
        });

        // Removing them again in a later commit does not help: every pushed commit is judged.
        Git.Run(clone, "rm", "-q", "invoicing/large.md", "invoicing/chart.png");
        Git.Run(clone, "commit", "-q", "-m", "Remove them");
        var before = _remote.Refs();

        var push = Git.TryRun(clone, "push", "origin", "HEAD:refs/heads/big");

        Assert.NotEqual(0, push.Code);
        Assert.Contains("remote: KnowledgeBase: invoicing/large.md: the article is larger than 1024 KB", push.Output, StringComparison.Ordinal);
        Assert.Contains("remote: KnowledgeBase: invoicing/chart.png: the file is not a PNG, JPEG, GIF or WebP image", push.Output, StringComparison.Ordinal);
        Assert.Equal(before, _remote.Refs());
    }

    [Fact]
    public async Task ShapeLimits_AndThePixelCap_RefuseThePush_WithTheLineAndTheSize()
    {
        var clone = await _remote.PusherCloneAsync("shapes");
        var headings = KbCore.Tests.Infrastructure.PathologicalMarkdown.Case("duplicate-headings").Build(40_000);
        GitRemote.Commit(clone, "Add a flood and a bomb", new Dictionary<string, byte[]>
        {
            ["invoicing/flood.md"] = Encoding.UTF8.GetBytes("---\ntitle: Flood\n---\n" + headings),
            ["invoicing/bomb.png"] = KbCore.Tests.Infrastructure.TestImages.PngWithHeader(65_535, 65_535, []),
        });
        var before = _remote.Refs();

        var push = Git.TryRun(clone, "push", "origin", "HEAD:refs/heads/shapes");

        Assert.NotEqual(0, push.Code);
        Assert.Contains("remote: KnowledgeBase: invoicing/flood.md: The article has more than 1,000 headings (line 2004)", push.Output, StringComparison.Ordinal);
        Assert.Contains("remote: KnowledgeBase: invoicing/bomb.png: the image is 65535 × 65535 pixels", push.Output, StringComparison.Ordinal);
        Assert.Equal(before, _remote.Refs());
        Assert.Equal(0, Git.TryRun(clone, "push", "origin", "origin/main:refs/heads/main").Code);
    }

    [Fact]
    public async Task MergingMain_DoesNotJudgeWhatMainAlreadyHolds_AndGoodFilesLand()
    {
        var clone = await _remote.PusherCloneAsync("merge");
        Git.Run(clone, "checkout", "-q", "-b", "topic");
        GitRemote.Commit(clone, "Topic work", new Dictionary<string, byte[]> { ["invoicing/topic.md"] = Article, ["invoicing/topic.png"] = TinyPng.Bytes });
        var direct = await _remote.PusherCloneAsync("legacy");
        GitRemote.Commit(direct, "A legacy file the rules refuse, added without the server", new Dictionary<string, byte[]> { ["invoicing/PRN.md"] = Article });
        Git.Run(direct, "push", "-q", _remote.Server.RepositoryPath, "HEAD:main");
        Git.Run(clone, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main");

        var push = Git.TryRun(clone, "push", "origin", "topic");

        Assert.True(push.Code == 0, push.Output);
        Assert.Contains("refs/heads/topic", _remote.Refs(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SymbolicLink_IsRefused()
    {
        var clone = await _remote.PusherCloneAsync("links");
        File.CreateSymbolicLink(Path.Combine(clone, "invoicing", "passwd.md"), "/etc/passwd");
        GitRemote.Commit(clone, "Add a link", new Dictionary<string, byte[]>());

        var push = Git.TryRun(clone, "push", "origin", "main");

        Assert.NotEqual(0, push.Code);
        Assert.Contains("remote: KnowledgeBase: invoicing/passwd.md: symbolic links and submodules cannot be pushed", push.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreCommitsThanTheLimit_AreRefusedWithAClearMessage()
    {
        var clone = await _remote.PusherCloneAsync("many");
        using (var repo = new LibGit2Sharp.Repository(clone))
        {
            var parent = repo.Head.Tip;
            var who = new LibGit2Sharp.Signature("Dana Author", "dana@example.test", DateTimeOffset.UnixEpoch);
            for (var i = 0; i <= KbServer.GitHttp.PushedChanges.MaxCommits; i++)
            {
                var tree = new LibGit2Sharp.TreeDefinition();
                tree.Add("steps.md", repo.ObjectDatabase.CreateBlob(new MemoryStream(Encoding.UTF8.GetBytes($"---\ntitle: Step {i}\n---\nStep {i}.\n"))), LibGit2Sharp.Mode.NonExecutableFile);
                tree.Add("rest", parent.Tree);
                parent = repo.ObjectDatabase.CreateCommit(who, who, $"Step {i}", repo.ObjectDatabase.CreateTree(tree), [parent], prettifyMessage: true);
            }

            repo.Refs.Add("refs/heads/many", parent.Id);
        }

        var before = _remote.Refs();

        var push = Git.TryRun(clone, "push", "origin", "many");

        Assert.NotEqual(0, push.Code);
        Assert.Contains($"remote: KnowledgeBase: this push brings more than {KbServer.GitHttp.PushedChanges.MaxCommits} new commits; push them in parts", push.Output, StringComparison.Ordinal);
        Assert.Equal(before, _remote.Refs());
    }

    public void Dispose() => _remote.Dispose();
}
