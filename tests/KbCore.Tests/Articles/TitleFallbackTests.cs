using KbCore.Articles;

namespace KbCore.Tests.Articles;

public class TitleFallbackTests
{
    [Theory]
    [InlineData("# Reset your password\n\nText", "Reset your password")]
    [InlineData("Intro text\n\n## Second level first ##\n# Later h1", "Second level first")]
    [InlineData("   ### Indented heading   \n", "Indented heading")]
    [InlineData("#hashtag is not a heading\n# Real heading", "Real heading")]
    [InlineData("# Title with # inside #\n", "Title with # inside")]
    [InlineData("\r\n# Windows line endings\r\nBody\r\n", "Windows line endings")]
    public void FromFirstHeading_MarkdownWithHeading_ReturnsFirstHeadingText(string markdown, string expected)
    {
        // Act
        var title = TitleFallback.FromFirstHeading(markdown);

        // Assert
        Assert.Equal(expected, title);
    }

    [Theory]
    [InlineData("```bash\n# a shell comment\n```\n# After the fence", "After the fence")]
    [InlineData("~~~\n# inside tildes\n~~~\n## After tildes", "After tildes")]
    [InlineData("  ```\n# indented fence\n  ```\n# Outside", "Outside")]
    public void FromFirstHeading_HeadingInsideFencedCode_IsSkipped(string markdown, string expected)
    {
        // Act
        var title = TitleFallback.FromFirstHeading(markdown);

        // Assert
        Assert.Equal(expected, title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Just a paragraph.\n\nAnother one.")]
    [InlineData("```\n# only in code\n```\n")]
    [InlineData("#\n##\n")]
    public void FromFirstHeading_NoHeading_ReturnsNull(string markdown)
    {
        // Act
        var title = TitleFallback.FromFirstHeading(markdown);

        // Assert
        Assert.Null(title);
    }

    [Fact]
    public void FromFirstHeading_HeadingAfterLine200_IsNotSearched()
    {
        // Arrange
        var markdown = string.Concat(Enumerable.Repeat("text\n", 200)) + "# Too late\n";

        // Act
        var title = TitleFallback.FromFirstHeading(markdown);

        // Assert
        Assert.Null(title);
    }

    [Theory]
    [InlineData("reset-your-password", "Reset your password")]
    [InlineData("api_keys", "Api keys")]
    [InlineData("getting-started", "Getting started")]
    [InlineData("faq", "Faq")]
    [InlineData("-leading-dash", "Leading dash")]
    [InlineData("éclair-tips", "Éclair tips")]
    [InlineData("---", "---")]
    [InlineData("", "")]
    public void FromFileName_Slug_ReturnsReadableTitle(string name, string expected)
    {
        // Act
        var title = TitleFallback.FromFileName(name);

        // Assert
        Assert.Equal(expected, title);
    }

    [Theory]
    [InlineData("# C# tips\n", "C# tips")]
    [InlineData("## Closed heading ##\n", "Closed heading")]
    [InlineData("#NoSpace\n# Real\n", "Real")]
    [InlineData("# ###\n# Next\n", "Next")]
    public void FromFirstHeading_AtxForms_ParsedLikeCommonMark(string markdown, string expected) =>
        Assert.Equal(expected, TitleFallback.FromFirstHeading(markdown));

    [Fact]
    public void FromFirstHeading_VeryLongHeadingLine_ParsesInOnePass()
    {
        // A backtracking pattern took minutes on this line and stalled every snapshot build.
        var markdown = "# a" + new string(' ', 200_000) + "b\n";

        Assert.Equal("a" + new string(' ', 200_000) + "b", TitleFallback.FromFirstHeading(markdown));
    }
}
