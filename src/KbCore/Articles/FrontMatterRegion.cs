namespace KbCore.Articles;

/// <summary>
/// One top-level key of front matter as written: the comments and blank lines just above it, the key's line and its
/// continuation lines (block list items, wrapped or block scalars, nested maps). Lines keep their terminators.
/// </summary>
internal sealed record FrontMatterRegion(string Key, IReadOnlyList<string> Leading, IReadOnlyList<string> Lines)
{
    /// <summary>The key's first line without its terminator.</summary>
    public string KeyLine => YamlLine.Content(Lines[0]);

    /// <summary>Every comment in the region, trimmed: above the key, on its lines, between list items.</summary>
    public IEnumerable<string> Comments =>
        Leading.Select(YamlLine.Content).Where(l => l.TrimStart().StartsWith('#')).Select(l => l.Trim())
            .Concat(Lines.Select(YamlLine.Content).Select(l => l[YamlLine.CommentStart(l, 0)..].Trim()).Where(c => c.Length > 0));
}
