using DiffPlex.DiffBuilder.Model;

namespace KbServer.Pages.Studio.Changes;

/// <summary>
/// The rows of a side-by-side diff worth showing: each change with a few lines of context around it, like GitHub's
/// pull-request view, instead of the whole file in two narrow columns. A gap between hunks is a null row.
/// </summary>
public static class DiffHunks
{
    public const int Context = 3;

    public static IReadOnlyList<int?> Rows(SideBySideDiffModel side)
    {
        ArgumentNullException.ThrowIfNull(side);
        return Rows(side.OldText.Lines.Count, i => side.OldText.Lines[i].Type != ChangeType.Unchanged || side.NewText.Lines[i].Type != ChangeType.Unchanged);
    }

    /// <summary>The same for an inline diff, where line comments are made: a commented line is shown too, changed or not.</summary>
    public static IReadOnlyList<int?> Rows(DiffPaneModel inline, IReadOnlyCollection<int> commentedLines)
    {
        ArgumentNullException.ThrowIfNull(inline);
        ArgumentNullException.ThrowIfNull(commentedLines);
        return Rows(inline.Lines.Count, i => inline.Lines[i].Type != ChangeType.Unchanged
            || (inline.Lines[i].Type != ChangeType.Deleted && inline.Lines[i].Position is int at && commentedLines.Contains(at)));
    }

    private static List<int?> Rows(int count, Func<int, bool> changed)
    {
        var keep = new bool[count];
        for (var i = 0; i < count; i++)
        {
            if (changed(i))
            {
                for (var j = Math.Max(0, i - Context); j <= Math.Min(count - 1, i + Context); j++)
                {
                    keep[j] = true;
                }
            }
        }

        var rows = new List<int?>();
        for (var i = 0; i < count; i++)
        {
            if (keep[i])
            {
                rows.Add(i);
            }
            else if (rows.Count == 0 || rows[^1] is not null)
            {
                rows.Add(null);
            }
        }

        return rows;
    }
}
