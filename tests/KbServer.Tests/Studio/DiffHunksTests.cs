using DiffPlex.DiffBuilder;
using KbServer.Pages.Studio.Changes;

namespace KbServer.Tests.Studio;

/// <summary>Side-by-side diffs show each change with three lines of context, and a gap marker between hunks.</summary>
public sealed class DiffHunksTests
{
    [Fact]
    public void Rows_TwoChangesFarApart_AreTwoHunksWithContext_SeparatedByGaps()
    {
        // Arrange: 40 lines, lines 10 and 30 changed.
        var before = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"line {i}")) + "\n";
        var after = before.Replace("line 10\n", "line ten\n", StringComparison.Ordinal).Replace("line 30\n", "line thirty\n", StringComparison.Ordinal);
        var side = SideBySideDiffBuilder.Diff(before, after, ignoreWhiteSpace: false);

        // Act
        var rows = DiffHunks.Rows(side);

        // Assert
        var shown = rows.OfType<int>().Select(i => side.NewText.Lines[i].Text).ToList();
        Assert.Equal(Enumerable.Range(7, 7).Select(i => i == 10 ? "line ten" : $"line {i}").Concat(Enumerable.Range(27, 7).Select(i => i == 30 ? "line thirty" : $"line {i}")), shown);
        Assert.Equal([null, 6, 7, 8, 9, 10, 11, 12, null, 26, 27, 28, 29, 30, 31, 32, null], rows);
    }

    [Fact]
    public void Rows_Inline_KeepsACommentedLineOutsideTheHunks()
    {
        var before = string.Join('\n', Enumerable.Range(1, 30).Select(i => $"line {i}")) + "\n";
        var inline = InlineDiffBuilder.Diff(before, before.Replace("line 25\n", "line 25 changed\n", StringComparison.Ordinal), ignoreWhiteSpace: false);

        var rows = DiffHunks.Rows(inline, [3]);

        var shown = rows.OfType<int>().Select(i => inline.Lines[i].Text).ToList();
        Assert.Equal(["line 1", "line 2", "line 3", "line 4", "line 5", "line 6"], shown.Take(6)); // with its context
        Assert.Null(rows[6]);
        Assert.Contains("line 25 changed", shown);
        Assert.DoesNotContain("line 10", shown);
    }

    [Fact]
    public void Rows_NoChange_ShowsNothingButOneGap()
    {
        var side = SideBySideDiffBuilder.Diff("a\nb\n", "a\nb\n", ignoreWhiteSpace: false);

        Assert.Equal([null], DiffHunks.Rows(side));
    }
}
