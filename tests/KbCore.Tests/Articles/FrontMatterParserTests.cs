using System.Globalization;
using System.Text;
using KbCore.Articles;

namespace KbCore.Tests.Articles;

public class FrontMatterParserTests
{
    [Theory]
    [InlineData(Visibility.Public)]
    [InlineData(Visibility.Internal)]
    public void Parse_NoFrontMatter_UsesDefaultVisibilityAndWholeTextAsBody(Visibility defaultVisibility)
    {
        // Arrange
        const string text = "# Reset your password\n\nOpen **Settings**.\n";

        // Act
        var result = FrontMatterParser.Parse(text, defaultVisibility);

        // Assert
        Assert.Equal(defaultVisibility, result.Metadata.Visibility);
        Assert.Equal(text, result.Body);
        Assert.Equal(1, result.BodyLine);
        Assert.Null(result.Metadata.Title);
        Assert.Empty(result.Metadata.Tags);
        Assert.Empty(result.Metadata.Extra);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData(Visibility.Public)]
    [InlineData(Visibility.Internal)]
    public void Parse_FrontMatterWithoutVisibility_UsesDefaultVisibility(Visibility defaultVisibility)
    {
        // Arrange
        const string text = "---\ntitle: Hello\n---\nBody\n";

        // Act
        var result = FrontMatterParser.Parse(text, defaultVisibility);

        // Assert
        Assert.Equal(defaultVisibility, result.Metadata.Visibility);
        Assert.Equal("Hello", result.Metadata.Title);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_FullFrontMatter_MapsEveryField()
    {
        // Arrange
        const string text = """
            ---
            title: Reset your password
            summary: How to get back into your account.
            tags: [account, login]
            ticket_categories:
              - login-problems
              - account-access
            visibility: internal
            order: 3
            owner: dana
            review_by: 2027-03-31
            ---
            # Reset your password

            Open settings.
            """;

        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        var meta = result.Metadata;
        Assert.Equal("Reset your password", meta.Title);
        Assert.Equal("How to get back into your account.", meta.Summary);
        Assert.Equal(["account", "login"], meta.Tags);
        Assert.Equal(["login-problems", "account-access"], meta.TicketCategories);
        Assert.Equal(Visibility.Internal, meta.Visibility);
        Assert.Equal(3, meta.Order);
        Assert.Equal("dana", meta.Owner);
        Assert.Equal(new DateOnly(2027, 3, 31), meta.ReviewBy);
        Assert.Empty(meta.Extra);
        Assert.Empty(result.Warnings);
        Assert.Equal("# Reset your password\n\nOpen settings.", result.Body);
        Assert.Equal(13, result.BodyLine);
    }

    [Fact]
    public void Parse_TagsAsCommaSeparatedString_SplitsAndTrims()
    {
        // Arrange
        const string text = "---\ntags: billing,  invoices , ,refunds\n---\n";

        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        Assert.Equal(["billing", "invoices", "refunds"], result.Metadata.Tags);
    }

    [Fact]
    public void Parse_TagsListWithDuplicatesAndBlanks_KeepsDistinctNonEmptyValues()
    {
        // Arrange
        const string text = "---\ntags:\n  - billing\n  - ' billing '\n  - ''\n  - Billing\n---\n";

        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        Assert.Equal(["billing", "Billing"], result.Metadata.Tags);
    }

    [Fact]
    public void Parse_DescriptionWithoutSummary_UsesDescriptionAsSummary()
    {
        // Arrange
        const string text = "---\ndescription: From description\n---\n";

        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        Assert.Equal("From description", result.Metadata.Summary);
        Assert.DoesNotContain("description", result.Metadata.Extra.Keys);
    }

    [Fact]
    public void Parse_SummaryAndDescription_PrefersSummary()
    {
        // Arrange
        const string text = "---\ndescription: From description\nsummary: From summary\n---\n";

        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        Assert.Equal("From summary", result.Metadata.Summary);
    }

    [Fact]
    public void Parse_UnknownKeys_KeptInExtraAsScalarsListsAndMaps()
    {
        // Arrange
        const string text = """
            ---
            title: Known
            audience: admins
            aliases: [old-name, older-name]
            seo:
              robots: noindex
              weight: 2
            nothing:
            ---
            """;

        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        var extra = result.Metadata.Extra;
        Assert.Equal(["aliases", "audience", "nothing", "seo"], extra.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("admins", extra["audience"]);
        Assert.Equal(new object?[] { "old-name", "older-name" }, Assert.IsType<object?[]>(extra["aliases"]));
        var seo = Assert.IsType<Dictionary<string, object?>>(extra["seo"]);
        Assert.Equal("noindex", seo["robots"]);
        Assert.Equal("2", seo["weight"]);
        Assert.Null(extra["nothing"]);
        Assert.Equal("Known", result.Metadata.Title);
    }

    [Theory]
    [InlineData("public", Visibility.Internal, Visibility.Public)]
    [InlineData("internal", Visibility.Public, Visibility.Internal)]
    public void Parse_ExactVisibility_IsHonouredWithoutWarning(string value, Visibility defaultVisibility, Visibility expected)
    {
        // Arrange
        var text = $"---\nvisibility: {value}\n---\n";

        // Act
        var result = FrontMatterParser.Parse(text, defaultVisibility);

        // Assert
        Assert.Equal(expected, result.Metadata.Visibility);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("visibility: Public ", "Public", 3)]
    [InlineData("visibility: PUBLIC", "PUBLIC", 3)]
    [InlineData("visibility: yes", "yes", 3)]
    [InlineData("visibility: true", "true", 3)]
    [InlineData("visibility: 'public '", "public ", 3)]
    [InlineData("visibility:", "visibility", 3)]
    [InlineData("visibility: [public]", "list", 3)]
    [InlineData("visibility:\n  who: public", "map", 4)]
    public void Parse_DoubtfulVisibility_IsInternalWithWarning(string line, string warningMentions, int warningLine)
    {
        // Arrange
        var text = $"---\ntitle: Doubtful\n{line}\n---\nBody\n";

        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        Assert.Equal(Visibility.Internal, result.Metadata.Visibility);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains(warningMentions, warning, StringComparison.Ordinal);
        Assert.StartsWith($"line {warningLine}:", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicatedVisibilityKey_IsInternalWithWarning()
    {
        // Arrange
        const string text = "---\nvisibility: public\ntitle: Twice\nvisibility: public\n---\n";

        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        Assert.Equal(Visibility.Internal, result.Metadata.Visibility);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("more than once", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_VisibilityKeyWithOtherCase_IsInternalWithWarning()
    {
        // Arrange
        const string text = "---\nVisibility: internal\n---\nSecret.\n";

        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        Assert.Equal(Visibility.Internal, result.Metadata.Visibility);
        Assert.NotEmpty(result.Warnings);
    }

    [Theory]
    [InlineData("public: yes")]
    [InlineData("internal: \"false\"")]
    [InlineData("Private: true")]
    [InlineData("hidden: false")]
    [InlineData("draft: true")]
    [InlineData("published: false")]
    public void Parse_AudienceKeyWithoutVisibility_IsInternal_WithTheLine(string line)
    {
        var result = FrontMatterParser.Parse($"---\ntitle: Plan\n{line}\n---\nBody.\n", Visibility.Public);

        Assert.Equal(Visibility.Internal, result.Metadata.Visibility);
        Assert.Contains(result.Warnings, w => w.StartsWith("line 3:", StringComparison.Ordinal) && w.Contains("visibility: public", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AudienceKeyBesideVisibility_LeavesVisibilityInCharge()
    {
        var result = FrontMatterParser.Parse("---\ntitle: Plan\ndraft: false\nvisibility: public\n---\nBody.\n", Visibility.Internal);

        Assert.Equal(Visibility.Public, result.Metadata.Visibility);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_DuplicatedOtherKey_ThrowsAtSecondOccurrence()
    {
        // Arrange
        const string text = "---\ntitle: One\nowner: dana\ntitle: Two\n---\n";

        // Act
        var e = Assert.Throws<FrontMatterException>(() => FrontMatterParser.Parse(text, Visibility.Public));

        // Assert
        Assert.Equal(4, e.Line);
        Assert.Contains("`title`", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\ntitle: [unclosed\n---\nBody\n", 2, 3)]
    [InlineData("---\ntitle: ok\ntitle2: [unclosed\n---\nBody\n", 3, 4)]
    [InlineData("---\ntitle: \"unterminated\n---\nBody\n", 2, 3)]
    [InlineData("---\ntitle: a\n  bad: indentation\n---\n", 2, 3)]
    [InlineData("---\ntitle: [a, b]\n---\n", 2, 2)]
    [InlineData("---\ntitle:\n  nested: map\n---\n", 3, 3)]
    [InlineData("---\nsummary: [a]\n---\n", 2, 2)]
    [InlineData("---\nowner:\n  - a\n---\n", 3, 3)]
    [InlineData("---\ntags:\n  a: b\n---\n", 3, 3)]
    [InlineData("---\ntags:\n  - ok\n  - [nested]\n---\n", 4, 4)]
    [InlineData("---\ntitle: fine\norder: abc\n---\n", 3, 3)]
    [InlineData("---\norder: 1.5\n---\n", 2, 2)]
    [InlineData("---\norder: 99999999999\n---\n", 2, 2)]
    [InlineData("---\nreview_by: soon\n---\n", 2, 2)]
    [InlineData("---\nreview_by: 2027-02-30\n---\n", 2, 2)]
    [InlineData("---\nreview_by: 31/03/2027\n---\n", 2, 2)]
    [InlineData("---\n- just\n- a list\n---\n", 2, 2)]
    [InlineData("---\njust text\n---\n", 2, 2)]
    [InlineData("---\n? [complex, key]\n: value\n---\n", 2, 2)]
    [InlineData("---\ntitle: *nowhere\n---\n", 2, 2)]
    public void Parse_InvalidFrontMatter_ThrowsWithLineInsideBlock(string text, int firstLine, int lastLine)
    {
        // Act
        var e = Assert.Throws<FrontMatterException>(() => FrontMatterParser.Parse(text, Visibility.Public));

        // Assert
        Assert.InRange(e.Line, firstLine, lastLine);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Fact]
    public void Parse_ClosingFenceWithTrailingSpaces_IsAccepted()
    {
        // Arrange
        const string text = "---  \ntitle: Spaces\n---  \nBody\n";

        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        Assert.Equal("Spaces", result.Metadata.Title);
        Assert.Equal("Body\n", result.Body);
    }

    [Fact]
    public void Parse_UnclosedFence_ThrowsAtLineOne()
    {
        // Arrange
        const string text = "---\ntitle: Never closed\n\n# Body\n\nText.\n";

        // Act
        var e = Assert.Throws<FrontMatterException>(() => FrontMatterParser.Parse(text, Visibility.Public));

        // Assert
        Assert.Equal(1, e.Line);
        Assert.Contains("closing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FrontMatterOf64KbInManyLinesWithClosingFence_Throws()
    {
        // Arrange
        var builder = new StringBuilder("---\n");
        for (var i = 0; builder.Length < FrontMatterParser.MaxFrontMatterChars + 1024; i++)
        {
            builder.Append("key").Append(i).Append(": ").Append('x', 60).Append('\n');
        }

        builder.Append("---\nBody\n");

        // Act
        var e = Assert.Throws<FrontMatterException>(() => FrontMatterParser.Parse(builder.ToString(), Visibility.Public));

        // Assert
        Assert.Equal(1, e.Line);
        Assert.Contains("larger than 64 KB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HugeUnclosedFrontMatter_ThrowsSizeError()
    {
        // Arrange
        var text = "---\ntitle: \"" + new string('a', 10 * 1024 * 1024) + "\"\n";

        // Act
        var e = Assert.Throws<FrontMatterException>(() => FrontMatterParser.Parse(text, Visibility.Public));

        // Assert
        Assert.Equal(1, e.Line);
        Assert.Contains("larger than 64 KB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TenMegabyteStringBeforeClosingFence_ThrowsSizeError()
    {
        // Arrange
        var text = "---\ntitle: \"" + new string('a', 10 * 1024 * 1024) + "\"\n---\nBody\n";

        // Act
        var e = Assert.Throws<FrontMatterException>(() => FrontMatterParser.Parse(text, Visibility.Public));

        // Assert
        Assert.Equal(1, e.Line);
        Assert.Contains("larger than 64 KB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AliasBombOfNineLevels_ThrowsBeforeExpanding()
    {
        // Arrange: each level is 9 references to the one before, so full expansion is 9^9 values.
        var builder = new StringBuilder("---\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            var refs = string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9));
            builder.Append(CultureInfo.InvariantCulture, $"lol{level}: &l{level} [{refs}]\n");
        }

        builder.Append("---\nBody\n");

        // Act
        var e = Assert.Throws<FrontMatterException>(() => FrontMatterParser.Parse(builder.ToString(), Visibility.Public));

        // Assert: lol4 (file line 6) is the first level whose expansion passes the 10,000 values limit.
        Assert.Equal(6, e.Line);
        Assert.Contains("aliases", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SmallAliasUse_IsAccepted()
    {
        // Arrange
        const string text = "---\nbase: &b [x, y]\ncopy: *b\n---\n";

        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        Assert.Equal(new object?[] { "x", "y" }, Assert.IsType<object?[]>(result.Metadata.Extra["copy"]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Parse_NestingDepthBomb_Throws(bool flowStyle)
    {
        // Arrange
        string yaml;
        if (flowStyle)
        {
            yaml = "deep: " + new string('[', 200) + new string(']', 200) + "\n";
        }
        else
        {
            var builder = new StringBuilder();
            for (var i = 0; i < 60; i++)
            {
                builder.Append(' ', i * 2).Append('k').Append(i).Append(":\n");
            }

            yaml = builder.ToString();
        }

        var text = "---\n" + yaml + "---\nBody\n";
        var lastLine = text.Count(c => c == '\n');

        // Act
        var e = Assert.Throws<FrontMatterException>(() => FrontMatterParser.Parse(text, Visibility.Public));

        // Assert
        Assert.InRange(e.Line, 2, lastLine);
        Assert.Contains("deeper than", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BomAndCrLf_ParsesFrontMatterAndBody()
    {
        // Arrange
        const string text = "\uFEFF---\r\ntitle: Hello\r\ntags: a, b\r\nvisibility: internal\r\n---\r\n# Hello\r\n\r\nBody\r\n";

        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        Assert.Equal("Hello", result.Metadata.Title);
        Assert.Equal(["a", "b"], result.Metadata.Tags);
        Assert.Equal(Visibility.Internal, result.Metadata.Visibility);
        Assert.Equal("# Hello\r\n\r\nBody\r\n", result.Body);
        Assert.Equal(6, result.BodyLine);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_BomWithoutFrontMatter_StripsBom()
    {
        // Arrange
        const string text = "\uFEFF# Title\n";

        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        Assert.Equal("# Title\n", result.Body);
    }

    [Theory]
    [InlineData("---\n---\nBody\n", 3)]
    [InlineData("---\n...\nBody\n", 3)]
    [InlineData("---   \n# only a comment\n---\nBody\n", 4)]
    public void Parse_EmptyFrontMatter_ReturnsDefaults(string text, int bodyLine)
    {
        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Internal);

        // Assert
        Assert.Equal(Visibility.Internal, result.Metadata.Visibility);
        Assert.Null(result.Metadata.Title);
        Assert.Equal("Body\n", result.Body);
        Assert.Equal(bodyLine, result.BodyLine);
    }

    [Theory]
    [InlineData("----\ntitle: x\n----\nBody\n")]
    [InlineData("--- title: x\n---\n")]
    [InlineData("\n---\ntitle: x\n---\n")]
    public void Parse_NotAnOpeningFence_TreatsEverythingAsBody(string text)
    {
        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        Assert.Null(result.Metadata.Title);
        Assert.Equal(text, result.Body);
        Assert.Equal(1, result.BodyLine);
    }

    [Fact]
    public void Parse_QuotedAndBlankStrings_AreTrimmedOrNull()
    {
        // Arrange
        const string text = "---\ntitle: '  Spaced  '\nsummary: '   '\nowner: ~\norder: ' 7 '\n---\n";

        // Act
        var result = FrontMatterParser.Parse(text, Visibility.Public);

        // Assert
        Assert.Equal("Spaced", result.Metadata.Title);
        Assert.Null(result.Metadata.Summary);
        Assert.Null(result.Metadata.Owner);
        Assert.Equal(7, result.Metadata.Order);
    }
}
