using KbCore.Analytics;
using KbCore.Content;
using KbCore.Tests.Data;
using KbCore.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace KbCore.Tests.Analytics;

/// <summary>The authoring report on a real repository and a real SQLite file: it counts the files the help center serves as articles.</summary>
public sealed class AuthorReportsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 6, 12, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _db = new();
    private readonly TempGitRepo _git = TempGitRepo.CreateBare();

    [Fact]
    public async Task BuildAsync_CountsEveryArticleExtension_AndNotFolderSettingsOrTooling()
    {
        // Arrange: one commit creating three articles (one .markdown, one upper-case .MD) next to files that are not articles.
        _git.Commit(new Dictionary<string, string?>
        {
            ["help/refunds.md"] = "---\ntitle: Refunds\n---\nBody.\n",
            ["help/payouts.markdown"] = "---\ntitle: Payouts\n---\nBody.\n",
            ["help/Guide.MD"] = "---\ntitle: Guide\n---\nBody.\n",
            ["help/_INDEX.md"] = "---\ntitle: Help\n---\n",
            [".kb/notes.md"] = "Tooling.\n",
            ["help/logo.txt"] = "not an article",
        }, author: "Ana Author");
        _git.Commit(new Dictionary<string, string?> { ["help/payouts.markdown"] = "---\ntitle: Payouts\n---\nNew body.\n" }, author: "Ana Author");
        await _db.MigrateAsync();
        var options = Microsoft.Extensions.Options.Options.Create(TestContent.Options(_git.Path));
        var reports = new AuthorReports(new ContentRepository(options, NullLogger<ContentRepository>.Instance), options, _db, new FixedClock(Now));

        // Act
        var report = await reports.BuildAsync(30, CancellationToken.None);

        // Assert
        var ana = Assert.Single(report.Authors);
        Assert.Equal((3, 1), (ana.Created, ana.Edited));
    }

    public void Dispose()
    {
        _git.Dispose();
        _db.Dispose();
    }
}
