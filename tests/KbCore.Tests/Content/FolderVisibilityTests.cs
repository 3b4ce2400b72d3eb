using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Content;

/// <summary><c>visibility: internal</c> on a folder's <c>_index.md</c> covers everything below it.</summary>
public sealed class FolderVisibilityTests
{
    [Fact]
    public void Build_InternalFolderIndex_MakesEveryArticleBelowInternal()
    {
        // Arrange
        var files = new Dictionary<string, string?>
        {
            ["staff/_index.md"] = "---\ntitle: Staff\nvisibility: internal\n---\n",
            ["staff/payroll.md"] = "---\ntitle: Payroll\n---\nNo visibility key.\n",
            ["staff/deep/runbook.md"] = "---\ntitle: Runbook\nvisibility: public\n---\nSays public.\n",
            ["guides/open.md"] = "---\ntitle: Open\n---\n",
        };

        // Act
        var snapshot = TestContent.Snapshot(files);

        // Assert
        Assert.False(snapshot.Articles["staff/payroll"].IsPublic);
        Assert.False(snapshot.Articles["staff/deep/runbook"].IsPublic);
        Assert.True(snapshot.Articles["guides/open"].IsPublic);
        Assert.Equal(0, snapshot.Folders["staff"].PublicArticleCount);
        Assert.Equal("Staff", snapshot.Folders["staff"].Title);
    }

    [Fact]
    public void Refresh_FolderMadePublicAgain_ReusedArticlesBecomePublic()
    {
        // Arrange
        using var git = TempGitRepo.CreateBare();
        git.Commit(new Dictionary<string, string?>
        {
            ["staff/_index.md"] = "---\nvisibility: internal\n---\n",
            ["staff/payroll.md"] = "# Payroll\n",
        });
        var store = TestContent.Store(git.Path);
        Assert.False(store.Current.Articles["staff/payroll"].IsPublic);

        // Act
        git.Commit(new Dictionary<string, string?> { ["staff/_index.md"] = "---\nvisibility: public\n---\n" });
        store.Refresh();

        // Assert
        Assert.True(store.Current.Articles["staff/payroll"].IsPublic);
    }
}
