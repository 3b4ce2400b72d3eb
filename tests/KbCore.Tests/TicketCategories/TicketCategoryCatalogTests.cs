using KbCore.Articles;
using KbCore.TicketCategories;

namespace KbCore.Tests.TicketCategories;

public class TicketCategoryCatalogTests
{
    [Fact]
    public void Parse_ValidCatalog_KeepsFileOrderAndAllFields()
    {
        // Arrange
        const string yaml = """
            categories:
              - id: login
                name: Login problems
                description: Cannot sign in
                external_ids:
                  zendesk: "360001"
                  freshdesk: 42
              - id: billing
            """;
        var problems = new List<ContentProblem>();

        // Act
        var catalog = TicketCategoryCatalog.Parse(yaml, problems);

        // Assert
        Assert.Empty(problems);
        Assert.Equal(["login", "billing"], catalog.Categories.Select(c => c.Id));
        var login = catalog.Find("login")!;
        Assert.Equal("Login problems", login.Name);
        Assert.Equal("Cannot sign in", login.Description);
        Assert.Equal("360001", login.ExternalIds["zendesk"]);
        Assert.Equal("42", login.ExternalIds["freshdesk"]);
        var billing = catalog.Find("billing")!;
        Assert.Equal("billing", billing.Name);
        Assert.Equal(string.Empty, billing.Description);
        Assert.True(catalog.Contains("billing"));
        Assert.False(catalog.Contains("Billing"));
        Assert.Null(catalog.Find("nope"));
    }

    [Fact]
    public void Parse_TopLevelList_IsAccepted()
    {
        // Arrange
        var problems = new List<ContentProblem>();

        // Act
        var catalog = TicketCategoryCatalog.Parse("- id: a\n- id: b\n", problems);

        // Assert
        Assert.Equal(["a", "b"], catalog.Categories.Select(c => c.Id));
        Assert.Empty(problems);
    }

    [Fact]
    public void Parse_BadEntries_SkippedAndReportedWithLines()
    {
        // Arrange
        const string yaml = "categories:\n  - id: a\n  - just text\n  - name: no id\n  - id: a\n  - id: b\n";
        var problems = new List<ContentProblem>();

        // Act
        var catalog = TicketCategoryCatalog.Parse(yaml, problems);

        // Assert
        Assert.Equal(["a", "b"], catalog.Categories.Select(c => c.Id));
        Assert.Equal([3, 4, 5], problems.Select(p => p.Line));
        Assert.All(problems, p => Assert.Equal((TicketCategoryCatalog.FileName, ContentProblem.Error), (p.File, p.Severity)));
        Assert.Contains("duplicate", problems[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("categories: [unclosed\n")]
    [InlineData("other: key\n")]
    [InlineData("just text\n")]
    [InlineData("categories:\n  a: b\n")]
    public void Parse_UnusableFile_EmptyCatalogAndOneError(string yaml)
    {
        // Arrange
        var problems = new List<ContentProblem>();

        // Act
        var catalog = TicketCategoryCatalog.Parse(yaml, problems);

        // Assert
        Assert.Empty(catalog.Categories);
        var problem = Assert.Single(problems);
        Assert.Equal(ContentProblem.Error, problem.Severity);
        Assert.DoesNotContain("front matter", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ParentsAndExternalIds_AreChecked()
    {
        const string yaml = """
            categories:
              - id: billing
                external_ids:
                  zendesk: "1"
              - id: refunds
                parent: billing
                external_ids:
                  Zendesk: "1"
              - id: loop-a
                parent: loop-b
              - id: loop-b
                parent: loop-a
              - id: stray
                parent: nowhere
              - id: Bad_Id
            """;
        var problems = new List<ContentProblem>();

        var catalog = TicketCategoryCatalog.Parse(yaml, problems);

        Assert.Equal("billing", catalog.Find("refunds")!.Parent);
        Assert.False(catalog.Contains("Bad_Id"));
        var messages = problems.Select(p => p.Message).ToArray();
        Assert.Contains(messages, m => m.Contains("`Bad_Id`", StringComparison.Ordinal) && m.Contains("lowercase", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("`stray` has an unknown parent `nowhere`", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("`loop-a` is its own ancestor", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("zendesk id `1`", StringComparison.Ordinal) && m.Contains("`refunds`", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("`refunds` has", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.True(p.Line > 0, p.Message));
    }

    [Fact]
    public void Parse_RelationProblems_PointAtTheCategoryToFix()
    {
        const string yaml = """
            categories:
              - id: billing
                external_ids:
                  zendesk: "1"
              - id: refunds
                external_ids:
                  zendesk: "1"
              - id: stray
                parent: nowhere
              - id: self
                parent: self
            """;
        var problems = new List<ContentProblem>();

        TicketCategoryCatalog.Parse(yaml, problems);

        Assert.Equal(
            [(5, "zendesk id `1` is given to several categories: `billing`, `refunds`"), (8, "category `stray` has an unknown parent `nowhere`"), (10, "category `self` is its own ancestor (parents form a loop)")],
            problems.Select(p => (p.Line, p.Message)).Order());
    }

    [Fact]
    public void Parse_ChainIntoALoop_ReportsOnlyTheCategoriesInTheLoop()
    {
        const string yaml = "categories:\n  - id: leaf\n    parent: a\n  - id: a\n    parent: b\n  - id: b\n    parent: a\n";
        var problems = new List<ContentProblem>();

        var catalog = TicketCategoryCatalog.Parse(yaml, problems);

        Assert.Equal(
            ["category `a` is its own ancestor (parents form a loop)", "category `b` is its own ancestor (parents form a loop)"],
            problems.Select(p => p.Message).Order(StringComparer.Ordinal));
        Assert.Equal(3, catalog.Categories.Count);
    }

    [Fact]
    public void Parse_OneCategoryNamingItsIdForTwoSpellingsOfAHelpdesk_IsNoClash()
    {
        var problems = new List<ContentProblem>();

        TicketCategoryCatalog.Parse("categories:\n  - id: a\n    external_ids:\n      zendesk: \"7\"\n      Zendesk: \"7\"\n", problems);

        Assert.Empty(problems);
    }

    [Fact]
    public void FindByExternal_AnIdGivenTwice_StaysWithTheFirstCategory()
    {
        var problems = new List<ContentProblem>();
        var catalog = TicketCategoryCatalog.Parse("categories:\n  - id: a\n    external_ids: { zendesk: \"7\" }\n  - id: b\n    external_ids: { zendesk: \"7\" }\n", problems);

        Assert.Equal("a", catalog.FindByExternal("ZENDESK", "7")?.Id);
        Assert.Single(problems);
    }

    [Fact]
    public void FindByExternal_MatchesTheHelpdeskInAnyCase_AndTheIdExactly()
    {
        var catalog = TicketCategoryCatalog.Parse("categories:\n  - id: billing\n    external_ids:\n      freshdesk: Billing\n", new List<ContentProblem>());

        Assert.Equal("billing", catalog.FindByExternal("FreshDesk", "Billing")?.Id);
        Assert.Null(catalog.FindByExternal("freshdesk", "billing"));
        Assert.Null(catalog.FindByExternal("zendesk", "Billing"));
    }
}
