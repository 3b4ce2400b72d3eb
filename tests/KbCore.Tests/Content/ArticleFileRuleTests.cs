using KbCore.Content;
using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Content;

/// <summary>The one rule for which repository files are articles, and proof that the snapshot applies exactly it.</summary>
public sealed class ArticleFileRuleTests
{
    [Theory]
    [InlineData("guide.md", "guide")]
    [InlineData("help/Guide.MD", "help/Guide")]
    [InlineData("help/billing/refunds.markdown", "help/billing/refunds")]
    [InlineData("help/Notes.Markdown", "help/Notes")]
    [InlineData("help/v1.2.md", "help/v1.2")]
    public void ArticlePathOf_MarkdownFile_IsTheArticlePathWithoutTheExtension(string filePath, string expected)
    {
        // Act
        var path = ArticlePaths.ArticlePathOf(filePath);

        // Assert
        Assert.Equal(expected, path);
        Assert.True(ArticlePaths.IsArticleFile(filePath));
    }

    [Theory]
    [InlineData("_index.md")]
    [InlineData("help/_index.md")]
    [InlineData("help/_INDEX.MD")]
    [InlineData(".kb/notes.md")]
    [InlineData(".github/README.md")]
    [InlineData("help/.drafts/idea.md")]
    [InlineData(".hidden.md")]
    [InlineData("help/logo.png")]
    [InlineData("help/readme.txt")]
    [InlineData("help/md")]
    [InlineData("ticket-categories.yml")]
    public void ArticlePathOf_SettingsDotFoldersAndOtherFiles_IsNull(string filePath)
    {
        // Act
        var path = ArticlePaths.ArticlePathOf(filePath);

        // Assert
        Assert.Null(path);
        Assert.False(ArticlePaths.IsArticleFile(filePath));
    }

    [Fact]
    public void Snapshot_ArticlesAreExactlyTheFilesTheRuleAccepts()
    {
        // Arrange
        string[] files =
        [
            "guide.md", "help/Guide.MD", "help/refunds.markdown", "help/_index.md", "other/_INDEX.MD", ".kb/notes.md",
            ".github/README.md", "help/.drafts/idea.md", "help/logo.png", "help/readme.txt",
        ];

        // Act
        var snapshot = TestContent.Snapshot(files.ToDictionary(f => f, f => (string?)"---\ntitle: T\n---\nBody.\n", StringComparer.Ordinal));

        // Assert
        var expected = files.Select(ArticlePaths.ArticlePathOf).OfType<string>().Order(StringComparer.Ordinal);
        Assert.Equal(expected, snapshot.Articles.Keys.Order(StringComparer.Ordinal));
    }
}
