using KbCore.Articles;
using KbCore.Search;

namespace KbCore.Tests.Search;

/// <summary>Reading synonyms.yml: equivalences, one-way lines, and a clear problem with its line for anything else.</summary>
public class SynonymSetTests
{
    [Fact]
    public void Parse_EquivalencesAndOneWayLines_KeepTheirTermsAndLines()
    {
        const string yaml = """
            # customers' words
            synonyms:
              - out of office, automatic replies,  OOF
              - printer, scanner => multifunction device
            """;
        var problems = new List<ContentProblem>();

        var set = SynonymSet.Parse(yaml, problems);

        Assert.Empty(problems);
        Assert.Equal(2, set.Rules.Count);
        Assert.Equal(["out of office", "automatic replies", "OOF"], set.Rules[0].From);
        Assert.Equal(set.Rules[0].From, set.Rules[0].To);
        Assert.Equal((false, 3), (set.Rules[0].OneWay, set.Rules[0].Line));
        Assert.Equal(["printer", "scanner"], set.Rules[1].From);
        Assert.Equal(["multifunction device"], set.Rules[1].To);
        Assert.Equal((true, 4), (set.Rules[1].OneWay, set.Rules[1].Line));
    }

    [Theory]
    [InlineData("synonyms:\n  - alone\n", 2, "`alone` is the only term: give two or more")]
    [InlineData("synonyms:\n  - a => b => c\n", 2, "`=>` may appear once")]
    [InlineData("synonyms:\n  - printer =>\n", 2, "both sides of `=>` need a term")]
    [InlineData("synonyms:\n  - one two three four five six seven, short\n", 2, "a term has at most 6 words")]
    [InlineData("synonyms:\n  - ok, fine\n  - bang, ...\n", 3, "`...` has no letters or digits")]
    [InlineData("synonyms:\n  - { a: b }\n", 2, "each synonym line must be text")]
    [InlineData("words:\n  - a, b\n", 1, "expected a `synonyms:` list")]
    [InlineData("synonyms: [unclosed\n", 2, "synonyms file")]
    public void Parse_BadLine_IsAProblemOnItsLine_AndTheGoodLinesStay(string yaml, int line, string message)
    {
        var problems = new List<ContentProblem>();

        var set = SynonymSet.Parse(yaml, problems);

        var problem = Assert.Single(problems);
        Assert.Equal((SynonymSet.FileName, line, ContentProblem.Error), (problem.File, problem.Line, problem.Severity));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(yaml.Contains("ok, fine", StringComparison.Ordinal) ? 1 : 0, set.Rules.Count);
    }

    [Fact]
    public void UsesIn_NamesTheLinesASearchUses_MatchingWordFormsButNotStopWordsAlone()
    {
        var set = SynonymSet.Parse("synonyms:\n  - away message, automatic replies\n  - crash, not responding\n", []);

        var uses = set.UsesIn("Setting up an AWAY messages for staff");

        var use = Assert.Single(uses);
        Assert.Equal(("away message", 2), (use.Term, use.Line));
        Assert.Equal(["automatic replies"], use.AlsoFinds);
        Assert.Empty(set.UsesIn("the wizard is responding slowly"));
        Assert.Equal(["crash"], Assert.Single(set.UsesIn("outlook not responding")).AlsoFinds);
        var crash = SynonymSet.Parse("synonyms:\n  - crash, crashes, not responding\n", []);
        var crashes = Assert.Single(crash.UsesIn("word crashes"));
        Assert.Equal("crash", crashes.Term);
        Assert.Equal(["not responding"], crashes.AlsoFinds);
    }
}
