using System.Text;
using KbCore.Content;

namespace KbCore.Tests.Content;

/// <summary>A pushed file the help center will serve as markdown gets the article rules, whatever its extension's case.</summary>
public class PushedFilesTests
{
    [Theory]
    [InlineData("help/Guide.MD")]
    [InlineData("help/notes.markdown")]
    [InlineData("help/_INDEX.MD")]
    [InlineData("help/plain.md")]
    public void CheckContent_OversizedMarkdownOfAnySpelling_IsRefused(string filePath)
    {
        // Arrange
        var content = Encoding.UTF8.GetBytes(new string('a', ContentWriter.MaxContentBytes + 1));

        // Act
        var refusal = PushedFiles.CheckContent(filePath, content);

        // Assert
        Assert.Contains("the article is larger than", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help/bad:name.MD")]
    [InlineData("help/bad:name.markdown")]
    [InlineData("bad:folder/_INDEX.MD")]
    public void CheckPath_ArticleRulesApply_WhateverTheExtensionsCase(string filePath)
    {
        // Act
        var refusal = PushedFiles.CheckPath(filePath);

        // Assert
        Assert.NotNull(refusal);
        Assert.Contains(":", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help/Guide.MD")]
    [InlineData("help/notes.markdown")]
    [InlineData("help/_INDEX.MD")]
    [InlineData("_index.md")]
    public void CheckPath_WellFormedMarkdown_MayLand(string filePath) => Assert.Null(PushedFiles.CheckPath(filePath));
}
