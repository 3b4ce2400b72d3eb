namespace KbCore.Themes.Tags;

/// <summary>Line numbers of a template's character offsets (1-based), found by binary search over line starts.</summary>
internal sealed class SourceLines
{
    private readonly List<int> _starts = [0];

    public SourceLines(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        for (var i = source.IndexOf('\n'); i >= 0; i = source.IndexOf('\n', i + 1))
        {
            _starts.Add(i + 1);
        }
    }

    public int LineAt(int offset)
    {
        var index = _starts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
