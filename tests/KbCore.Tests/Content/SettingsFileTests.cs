using KbCore.Content;
using KbCore.Tests.Infrastructure;
using KbCore.TicketCategories;

namespace KbCore.Tests.Content;

/// <summary>Settings files written whole by the studio: a save from a stale base never undoes someone else's.</summary>
public sealed class SettingsFileTests : IDisposable
{
    private const string File = TicketCategoryCatalog.FileName;
    private static readonly CommitIdentity Ana = new("Ana Author", "ana@example.com");

    private readonly TempGitRepo _repo = TempGitRepo.CreateBare();
    private readonly ContentWriter _writer;

    public SettingsFileTests()
    {
        _repo.Commit(new Dictionary<string, string?> { ["a/one.md"] = "# One\n" });
        (_, _writer) = TestContent.Writer(_repo.Path);
    }

    [Fact]
    public async Task Save_FromTheRevisionOnTheBranch_Commits_AndReadGivesTheNextBase()
    {
        Assert.Equal((null, null), _writer.ReadSettingsFile(File));

        var created = await _writer.SaveSettingsFileAsync(File, "categories: []\n", Ana, "Create", null, default, baseRevision: string.Empty);
        var read = _writer.ReadSettingsFile(File);
        var updated = await _writer.SaveSettingsFileAsync(File, "categories:\n  - id: a\n", Ana, "Update", null, default, read.Revision);

        Assert.Equal(SaveStatus.Committed, created.Status);
        Assert.Equal(("categories: []\n", created.Revision), read);
        Assert.Equal(SaveStatus.Committed, updated.Status);
        Assert.Equal("categories:\n  - id: a\n", _writer.ReadSettingsFile(File).Text);
    }

    [Fact]
    public async Task Save_FromAStaleRevision_IsAConflictWithTheCurrentText_AndWritesNothing()
    {
        var first = await _writer.SaveSettingsFileAsync(File, "categories: []\n", Ana, "Create", null, default);
        await _writer.SaveSettingsFileAsync(File, "categories:\n  - id: b\n", Ana, "Someone else", null, default);
        var tip = _repo.TipSha;

        var stale = await _writer.SaveSettingsFileAsync(File, "categories:\n  - id: c\n", Ana, "Mine", null, default, first.Revision);
        var fromNothing = await _writer.SaveSettingsFileAsync(File, "categories:\n  - id: c\n", Ana, "Mine", null, default, string.Empty);

        Assert.Equal(SaveStatus.Conflict, stale.Status);
        Assert.Equal("categories:\n  - id: b\n", stale.CurrentContent);
        Assert.Equal(_writer.ReadSettingsFile(File).Revision, stale.CurrentRevision);
        Assert.Equal(SaveStatus.Conflict, fromNothing.Status);
        Assert.Equal(tip, _repo.TipSha);
    }

    [Fact]
    public async Task ReadAndSave_OnlyTouchSettingsFiles()
    {
        Assert.Equal((null, null), _writer.ReadSettingsFile("a/one.md"));

        var result = await _writer.SaveSettingsFileAsync("a/one.md", "x", Ana, "No", null, default);

        Assert.Equal(SaveStatus.Rejected, result.Status);
    }

    public void Dispose() => _repo.Dispose();
}
