using KbCore.Articles;

namespace KbCore.Tests.Articles;

/// <summary>The editor's fields round-trip through the file without losing or corrupting anything.</summary>
public sealed class ArticleFormTests
{
    [Theory]
    [InlineData("Formula returns #VALUE! error")]
    [InlineData("Billing: a primer")]
    [InlineData("yes")]
    [InlineData("- not a list")]
    [InlineData("'quoted' and \"double\"")]
    [InlineData("null")]
    [InlineData("123")]
    [InlineData("Émoji 🎉 and ünïcode")]
    public void TrickyTitles_SurviveTheRoundTrip(string title)
    {
        var form = new ArticleForm { Title = title, Summary = "A: b # c", Tags = "one, two words, one", Body = "# Hello\n\nText.\n" };

        var file = form.ToFile();
        var parsed = FrontMatterParser.Parse(file, Visibility.Public);

        Assert.Equal(title, parsed.Metadata.Title);
        Assert.Equal("A: b # c", parsed.Metadata.Summary);
        Assert.Equal(["one", "two words"], parsed.Metadata.Tags);
        Assert.Equal("# Hello\n\nText.\n", parsed.Body);
    }

    [Fact]
    public void UnknownKeysAndOrder_AreKept_AndTheFieldsRoundTrip()
    {
        const string file = "---\ntitle: Refunds\ndescription: How refunds work\ntags: [billing]\nticket_categories: [billing-refund]\nvisibility: internal\nowner: ana@example.com\nreview_by: 2027-01-31\norder: 3\nlegacy_id: 42\nsources:\n  - a\n  - b\n---\nBody text.\n";

        var form = ArticleForm.FromFile(file, Visibility.Public);
        var again = FrontMatterParser.Parse(form.ToFile(), Visibility.Public);

        Assert.Equal("How refunds work", form.Summary);
        Assert.Contains("legacy_id", form.OtherYaml, StringComparison.Ordinal);
        Assert.Equal("Refunds", again.Metadata.Title);
        Assert.Equal(Visibility.Internal, again.Metadata.Visibility);
        Assert.Equal(["billing-refund"], again.Metadata.TicketCategories);
        Assert.Equal(new DateOnly(2027, 1, 31), again.Metadata.ReviewBy);
        Assert.Equal(3, again.Metadata.Order);
        Assert.Equal("42", again.Metadata.Extra["legacy_id"]);
        Assert.Equal(new object?[] { "a", "b" }, (object?[])again.Metadata.Extra["sources"]!);
        Assert.Equal("Body text.\n", again.Body);
        Assert.Contains("order: 3\n", form.ToFile(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key: [unclosed", "OtherYaml", "Line")]
    [InlineData("- just\n- a list", "OtherYaml", "key: value")]
    [InlineData("title: Again", "OtherYaml", "own field")]
    public void BadOtherYaml_IsAFieldError(string yaml, string field, string expected)
    {
        var errors = new ArticleForm { Title = "T", OtherYaml = yaml }.Validate();

        Assert.Contains(expected, errors[field], StringComparison.Ordinal);
    }

    [Fact]
    public void MissingTitleAndBadDate_AreFieldErrors()
    {
        var errors = new ArticleForm { Title = " ", ReviewBy = "31/01/2027" }.Validate();

        Assert.True(errors.ContainsKey("Title"));
        Assert.True(errors.ContainsKey("ReviewBy"));
    }

    [Fact]
    public void ToFile_WhenAnAliasPointsAtAFieldsAnchor_TheSaveStillMeansWhatTheFormSays()
    {
        // Arrange: rewriting `title` in place would orphan the alias, so the editor must notice and write afresh.
        const string file = "---\ntitle: &name Refunds\nog_title: *name\n---\nBody.\n";
        var form = ArticleForm.FromFile(file, Visibility.Public);
        form.Title = "Refunds and credits";

        // Act
        var saved = FrontMatterParser.Parse(form.ToFile(file, Visibility.Public), Visibility.Public);

        // Assert
        Assert.Empty(form.Validate());
        Assert.Equal("Refunds and credits", saved.Metadata.Title);
        Assert.Equal("Refunds", saved.Metadata.Extra["og_title"]);
        Assert.Equal("Body.\n", saved.Body);
    }

    [Fact]
    public void ToFile_WhenTheLayoutCannotBeSplitIntoKeys_WritesAfresh_AndKeepsEveryKey()
    {
        // Arrange: a complex key (`? key`) is valid YAML this editor does not edit line by line.
        const string file = "---\ntitle: Refunds\n? legacy\n: 42\ntags: [billing]\n---\nBody.\n";
        var form = ArticleForm.FromFile(file, Visibility.Public);
        form.Tags = "billing, refunds";

        // Act
        var saved = FrontMatterParser.Parse(form.ToFile(file, Visibility.Public), Visibility.Public);

        // Assert
        Assert.Equal(["billing", "refunds"], saved.Metadata.Tags);
        Assert.Equal("42", saved.Metadata.Extra["legacy"]);
        Assert.Equal("Body.\n", saved.Body);
    }

    [Fact]
    public void FromFile_ShowsOtherKeysAsTheFileWroteThem_CommentsIncluded()
    {
        const string file = "---\ntitle: Refunds\n# Position in the section.\norder: 3\ntags: [billing]\nsources: [a,   b] # checked 2026\n---\nBody.\n";

        var form = ArticleForm.FromFile(file, Visibility.Public);

        Assert.Equal("# Position in the section.\norder: 3\nsources: [a,   b] # checked 2026\n", form.OtherYaml);
        Assert.Empty(form.Validate());
    }

    [Fact]
    public void RepeatedKeyInOtherYaml_IsAFieldError()
    {
        var errors = new ArticleForm { Title = "T", OtherYaml = "legacy: 1\nlegacy: 2" }.Validate();

        Assert.Contains("legacy", errors["OtherYaml"], StringComparison.Ordinal);
    }
}
