using KbCore.Articles;
using KbCore.Content;
using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Content;

/// <summary>What a snapshot holds for one commit: folders, articles, problems, assets.</summary>
public class ContentSnapshotBuilderTests
{
    private static readonly Dictionary<string, string?> HelpCenter = new(StringComparer.Ordinal)
    {
        ["account/_index.md"] = "---\norder: 1\nsummary: Signing in and security.\n---\n# Your account\n",
        ["account/sign-in.md"] = "---\ntitle: Sign in\n---\nText.\n",
        ["billing/_index.md"] = "---\ntitle: Billing & payments\ndescription: Invoices, refunds and plans.\norder: 2\n---\n",
        ["billing/invoices.md"] = "---\ntitle: Invoices\norder: 2\n---\nText.\n",
        ["billing/plans.md"] = "---\ntitle: Plans\norder: 1\n---\nText.\n",
        ["billing/refunds.md"] = "---\ntitle: refunds explained\n---\nText.\n",
        ["billing/Annual.md"] = "---\ntitle: Annual billing\n---\nText.\n",
        ["billing/internal-notes.md"] = "---\ntitle: Internal notes\nvisibility: internal\n---\nSecret.\n",
        ["billing/broken.md"] = "---\ntitle: Broken\norder: abc\n---\nText.\n",
        ["billing/cards/update-card.md"] = "# Update your card\n\nText.\n",
        ["getting-started/welcome-to-the-app.md"] = "No heading at all.\n",
        ["zebra/_index.md"] = "---\ntitle: Zebra stripes\n---\n",
        ["zebra/only-internal.md"] = "---\nvisibility: internal\n---\n# Only internal\n",
        ["empty-folder/_index.md"] = "---\ntitle: Nothing here\n---\n",
        ["top-level.md"] = "# Top level\n",
        [".github/ISSUE_TEMPLATE.md"] = "# Tooling, not content\n",
        ["billing/.hidden.md"] = "# Hidden\n",
    };

    [Fact]
    public void Build_TwoSettingsFilesDifferingByCase_LowercaseWins_TheOtherIsReported()
    {
        // Act: git keeps both; a case-insensitive checkout would see one file.
        var snapshot = TestContent.Snapshot(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["billing/_INDEX.MD"] = "---\ntitle: Shouting\n---\n",
            ["billing/_index.md"] = "---\ntitle: Billing\n---\n",
            ["billing/plans.md"] = "# Plans\n",
        });

        // Assert
        Assert.Equal("Billing", snapshot.Folders["billing"].Title);
        Assert.Equal(["Plans"], snapshot.Folders["billing"].Articles.Select(a => a.Title));
        var problem = Assert.Single(snapshot.Problems, p => p.File == "billing/_INDEX.MD");
        Assert.Equal(ContentProblem.Warning, problem.Severity);
        Assert.Contains("billing/_index.md already sets this folder", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_HelpCenter_FolderTitlesAndDescriptionsFromIndexFiles()
    {
        // Act
        var snapshot = TestContent.Snapshot(HelpCenter);

        // Assert
        var billing = snapshot.Folders["billing"];
        Assert.Equal("Billing & payments", billing.Title);
        Assert.Equal("Invoices, refunds and plans.", billing.Description);
        Assert.Equal(2, billing.Order);
        var account = snapshot.Folders["account"];
        Assert.Equal("Your account", account.Title);
        Assert.Equal("Signing in and security.", account.Description);
        var gettingStarted = snapshot.Folders["getting-started"];
        Assert.Equal("Getting started", gettingStarted.Title);
        Assert.Equal(string.Empty, gettingStarted.Description);
        Assert.Null(gettingStarted.Order);
        var cards = snapshot.Folders["billing/cards"];
        Assert.Same(billing, cards.Parent);
        Assert.Equal(2, cards.Depth);
        Assert.Equal(1, billing.Depth);
        Assert.Equal(0, snapshot.Root.Depth);
        Assert.Same(snapshot.Root, snapshot.Folders[string.Empty]);
    }

    [Fact]
    public void Build_HelpCenter_FoldersSortedByOrderThenTitle()
    {
        // Act
        var snapshot = TestContent.Snapshot(HelpCenter);

        // Assert: "empty-folder" has an index but no articles, so it is not a folder.
        Assert.Equal(["account", "billing", "getting-started", "zebra"], snapshot.Root.Folders.Select(f => f.Path));
        Assert.DoesNotContain("empty-folder", snapshot.Folders.Keys);
    }

    [Fact]
    public void Build_HelpCenter_ArticlesSortedByOrderThenTitleIgnoringCase()
    {
        // Act
        var snapshot = TestContent.Snapshot(HelpCenter);

        // Assert
        Assert.Equal(
            ["Plans", "Invoices", "Annual billing", "Internal notes", "refunds explained"],
            snapshot.Folders["billing"].Articles.Select(a => a.Title));
        Assert.Equal(["billing/cards"], snapshot.Folders["billing"].Folders.Select(f => f.Path));
        Assert.Equal(["top-level"], snapshot.Root.Articles.Select(a => a.Path));
    }

    [Fact]
    public void Build_HelpCenter_ArticleTitlesFallBackToHeadingThenFileName()
    {
        // Act
        var snapshot = TestContent.Snapshot(HelpCenter);

        // Assert
        Assert.Equal("Sign in", snapshot.Articles["account/sign-in"].Title);
        Assert.Equal("Update your card", snapshot.Articles["billing/cards/update-card"].Title);
        Assert.Equal("Welcome to the app", snapshot.Articles["getting-started/welcome-to-the-app"].Title);
        var article = snapshot.Articles["billing/invoices"];
        Assert.Equal("billing/invoices.md", article.FilePath);
        Assert.Equal("billing", article.FolderPath);
        Assert.Equal("invoices", article.Slug);
        Assert.Equal("Text.\n", article.Body);
        Assert.Equal(5, article.BodyLine);
    }

    [Fact]
    public void Build_DotFilesAndDotFolders_AreSkipped()
    {
        // Act
        var snapshot = TestContent.Snapshot(HelpCenter);

        // Assert
        Assert.DoesNotContain(snapshot.Articles.Keys, k => k.Contains('.', StringComparison.Ordinal));
        Assert.DoesNotContain(".github", snapshot.Folders.Keys);
        Assert.Equal(10, snapshot.Articles.Count);
    }

    [Fact]
    public void Build_InvalidFrontMatter_ArticleAbsentAndReportedWithFileAndLine()
    {
        // Act
        var snapshot = TestContent.Snapshot(HelpCenter);

        // Assert
        Assert.DoesNotContain("billing/broken", snapshot.Articles.Keys);
        Assert.DoesNotContain(snapshot.Folders["billing"].Articles, a => a.Path == "billing/broken");
        var problem = Assert.Single(snapshot.Problems, p => p.File == "billing/broken.md");
        Assert.Equal(3, problem.Line);
        Assert.Equal(ContentProblem.Error, problem.Severity);
        Assert.Contains("`order`", problem.Message, StringComparison.Ordinal);
        Assert.Contains("not served", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("billing/broken.md:3: error:", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("billing/invoices", snapshot.Articles.Keys);
        Assert.Contains("billing/plans", snapshot.Articles.Keys);
    }

    [Fact]
    public void Build_InternalArticle_PresentButNotPublicAndNotCounted()
    {
        // Act
        var snapshot = TestContent.Snapshot(HelpCenter);

        // Assert
        var notes = snapshot.Articles["billing/internal-notes"];
        Assert.False(notes.IsPublic);
        Assert.Equal(Visibility.Internal, notes.Metadata.Visibility);
        Assert.True(snapshot.Articles["billing/invoices"].IsPublic);
        Assert.Equal(5, snapshot.Folders["billing"].PublicArticleCount);
        Assert.Equal(1, snapshot.Folders["billing/cards"].PublicArticleCount);
        Assert.Equal(0, snapshot.Folders["zebra"].PublicArticleCount);
        Assert.Equal(8, snapshot.Root.PublicArticleCount);
    }

    [Fact]
    public void Build_DefaultVisibilityInternal_ArticlesWithoutVisibilityAreInternal()
    {
        // Arrange
        var files = new Dictionary<string, string?>
        {
            ["a/implicit.md"] = "# Implicit\n",
            ["a/explicit.md"] = "---\nvisibility: public\n---\n# Explicit\n",
        };

        // Act
        var snapshot = TestContent.Snapshot(files, defaultVisibility: "internal");

        // Assert
        Assert.False(snapshot.Articles["a/implicit"].IsPublic);
        Assert.True(snapshot.Articles["a/explicit"].IsPublic);
        Assert.Equal(1, snapshot.Root.PublicArticleCount);
    }

    [Fact]
    public void Build_DoubtfulVisibility_ArticleInternalAndWarningReported()
    {
        // Arrange
        var files = new Dictionary<string, string?> { ["a/doubt.md"] = "---\nvisibility: yes\n---\n# Doubt\n" };

        // Act
        var snapshot = TestContent.Snapshot(files);

        // Assert
        Assert.False(snapshot.Articles["a/doubt"].IsPublic);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal("a/doubt.md", problem.File);
        Assert.Equal(ContentProblem.Warning, problem.Severity);
    }

    [Fact]
    public void Build_BrokenIndexFile_FolderKeepsFallbackTitleAndProblemReported()
    {
        // Arrange
        var files = new Dictionary<string, string?>
        {
            ["guides/_index.md"] = "---\ntitle: [not, text]\n---\n",
            ["guides/one.md"] = "# One\n",
        };

        // Act
        var snapshot = TestContent.Snapshot(files);

        // Assert
        Assert.Equal("Guides", snapshot.Folders["guides"].Title);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(("guides/_index.md", 2, ContentProblem.Error), (problem.File, problem.Line, problem.Severity));
        Assert.DoesNotContain("guides/_index", snapshot.Articles.Keys);
    }

    [Fact]
    public void Build_ArticleAndFolderWithSameUrl_WarnsAndKeepsBoth()
    {
        // Arrange
        var files = new Dictionary<string, string?>
        {
            ["billing.md"] = "# Billing article\n",
            ["billing/invoices.md"] = "# Invoices\n",
        };

        // Act
        var snapshot = TestContent.Snapshot(files);

        // Assert
        Assert.Contains("billing", snapshot.Articles.Keys);
        Assert.Contains("billing", snapshot.Folders.Keys);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(("billing.md", ContentProblem.Warning), (problem.File, problem.Severity));
    }

    [Fact]
    public void Build_MarkdownExtensionAndNonMarkdownFiles_SplitIntoArticlesAndAssets()
    {
        // Arrange
        var files = new Dictionary<string, string?>
        {
            ["guides/long.markdown"] = "# Long extension\n",
            ["guides/UPPER.MD"] = "# Upper\n",
            ["guides/diagram.svg"] = "<svg/>",
            ["guides/notes.txt"] = "text",
        };

        // Act
        var snapshot = TestContent.Snapshot(files);

        // Assert
        Assert.Equal(["guides/UPPER", "guides/long"], snapshot.Articles.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["guides/diagram.svg", "guides/notes.txt"], snapshot.Assets.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(6, snapshot.Assets["guides/diagram.svg"].Size);
    }

    [Fact]
    public void Build_ArticleOverTwoMegabytes_NotServedAndReported()
    {
        // Arrange
        var files = new Dictionary<string, string?>
        {
            ["a/huge.md"] = "# Huge\n" + new string('x', (int)ContentSnapshotBuilder.MaxArticleBytes),
            ["a/small.md"] = "# Small\n",
        };

        // Act
        var snapshot = TestContent.Snapshot(files);

        // Assert
        Assert.Equal<string>(["a/small"], snapshot.Articles.Keys);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(("a/huge.md", 0, ContentProblem.Error), (problem.File, problem.Line, problem.Severity));
    }

    [Fact]
    public void Build_BomAndCrLfFile_LoadsTitle()
    {
        // Arrange
        using var git = TempGitRepo.CreateBare();
        git.CommitBytes(new Dictionary<string, byte[]?>
        {
            ["a/bom.md"] = [0xEF, 0xBB, 0xBF, .. "---\r\ntitle: With BOM\r\n---\r\nBody\r\n"u8],
        });

        // Act
        var snapshot = TestContent.Store(git.Path).Current;

        // Assert
        Assert.Equal("With BOM", snapshot.Articles["a/bom"].Title);
        Assert.Empty(snapshot.Problems);
    }

    [Fact]
    public void Build_TicketCategoriesFile_ParsedAndUnknownIdsAreErrors()
    {
        // Arrange
        var files = new Dictionary<string, string?>
        {
            ["ticket-categories.yml"] = "categories:\n  - id: login\n    name: Login problems\n    external_ids:\n      zendesk: \"360001\"\n  - id: billing\n    name: Billing\n",
            ["account/sign-in.md"] = "---\nticket_categories: [login, no-such-category]\n---\n# Sign in\n",
            ["account/known.md"] = "---\nticket_categories: [billing]\n---\n# Known\n",
        };

        // Act
        var snapshot = TestContent.Snapshot(files);

        // Assert
        Assert.Equal(["login", "billing"], snapshot.TicketCategories.Categories.Select(c => c.Id));
        Assert.Equal("360001", snapshot.TicketCategories.Find("login")!.ExternalIds["zendesk"]);
        Assert.DoesNotContain("ticket-categories.yml", snapshot.Assets.Keys);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(("account/sign-in.md", ContentProblem.Error), (problem.File, problem.Severity));
        Assert.Contains("no-such-category", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoTicketCategoriesFile_UnknownIdsNotChecked()
    {
        // Arrange
        var files = new Dictionary<string, string?> { ["a/x.md"] = "---\nticket_categories: [anything]\n---\n# X\n" };

        // Act
        var snapshot = TestContent.Snapshot(files);

        // Assert
        Assert.Empty(snapshot.TicketCategories.Categories);
        Assert.Empty(snapshot.Problems);
    }

    [Fact]
    public void Build_TicketCategoriesInSubfolder_IsAnAssetNotTheCatalog()
    {
        // Arrange
        var files = new Dictionary<string, string?>
        {
            ["a/ticket-categories.yml"] = "categories:\n  - id: login\n",
            ["a/x.md"] = "# X\n",
        };

        // Act
        var snapshot = TestContent.Snapshot(files);

        // Assert
        Assert.Empty(snapshot.TicketCategories.Categories);
        Assert.Contains("a/ticket-categories.yml", snapshot.Assets.Keys);
    }

    [Fact]
    public void ArticlesByTag_AnyCase_PublicOnesForVisitors_AllForTheTeam()
    {
        // Arrange
        var files = new Dictionary<string, string?>
        {
            ["a/one.md"] = "---\ntags: [Billing]\n---\n# One\n",
            ["a/two.md"] = "---\ntags: billing, cards\n---\n# Two\n",
            ["a/secret.md"] = "---\ntags: [billing]\nvisibility: internal\n---\n# Secret\n",
        };

        // Act
        var snapshot = TestContent.Snapshot(files);

        // Assert
        Assert.Equal(["a/one", "a/two"], snapshot.ArticlesByTag(includeInternal: false)["BILLING"].Select(a => a.Path).Order(StringComparer.Ordinal));
        Assert.Equal(["a/two"], snapshot.ArticlesByTag(includeInternal: false)["cards"].Select(a => a.Path));
        Assert.Equal(["a/one", "a/secret", "a/two"], snapshot.ArticlesByTag(includeInternal: true)["billing"].Select(a => a.Path).Order(StringComparer.Ordinal));
    }
}
