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
        var count = side.OldText.Lines.Count;
        var keep = new bool[count];
        for (var i = 0; i < count; i++)
        {
            if (side.OldText.Lines[i].Type != ChangeType.Unchanged || side.NewText.Lines[i].Type != ChangeType.Unchanged)
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
