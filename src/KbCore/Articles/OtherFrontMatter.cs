namespace KbCore.Articles;

/// <summary>
/// The editor's "other front matter": the keys without a field, shown as the file wrote them (with the comments above
/// each), and read back key by key so a save carries over only the keys whose value or comments the person changed,
/// added or removed there. A key that was merely reformatted keeps the file's lines.
/// </summary>
internal sealed class OtherFrontMatter
{
    private readonly List<FrontMatterRegion> _regions;
    private readonly Dictionary<string, YamlValue> _values;

    private OtherFrontMatter(List<FrontMatterRegion> regions, Dictionary<string, YamlValue> values)
    {
        _regions = regions;
        _values = values;
    }

    /// <summary>Keys the form has no field for (a misspelled <c>Visibility</c> belongs to the visibility field).</summary>
    public static bool IsOther(string key) => !ArticleForm.FormKeys.Contains(key) && !key.Equals("visibility", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text the editor shows: those keys' lines from the file, in its order, with line feeds.</summary>
    public static string Show(FrontMatterDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var lines = document.Regions.Where(r => IsOther(r.Key)).SelectMany(r => r.Leading.Concat(r.Lines)).SkipWhile(YamlLine.IsBlank);
        return string.Concat(lines.Select(l => YamlLine.Content(l) + "\n"));
    }

    /// <summary>The text as key regions; null when it has a layout the editor cannot split (or a repeated key).</summary>
    /// <exception cref="FrontMatterException">It is not YAML.</exception>
    public static OtherFrontMatter? Read(string yaml)
    {
        var text = (yaml ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            text += "\n";
        }

        if (FrontMatterDocument.Split(text, firstLine: 1) is not var (regions, _, values) ||
            regions.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count() != regions.Count)
        {
            return null;
        }

        return new(regions, values);
    }

    public void ApplyTo(FrontMatterDocument document)
    {
        foreach (var region in document.Regions.Where(r => IsOther(r.Key)).ToList())
        {
            if (_regions.Find(r => r.Key == region.Key) is not { } mine)
            {
                document.Remove(region.Key);
                continue;
            }

            var commentsChanged = !region.Comments.SequenceEqual(mine.Comments, StringComparer.Ordinal);
            if (commentsChanged)
            {
                document.Replace(region.Key, Comments(mine), mine.Lines.Select(YamlLine.Content));
            }
            else if (!Same(document.Values[region.Key], _values[region.Key]))
            {
                document.Replace(region.Key, mine.Lines.Select(YamlLine.Content));
            }
        }

        foreach (var mine in _regions.Where(r => document.Find(r.Key) is null))
        {
            document.Add(mine.Key, Comments(mine), mine.Lines.Select(YamlLine.Content));
        }
    }

    /// <summary>True when <paramref name="document"/>'s keys without a field are exactly these, with these values.</summary>
    public bool Matches(FrontMatterDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var theirs = document.Values.Keys.Where(IsOther).ToHashSet(StringComparer.Ordinal);
        var mine = _values.Keys.Where(IsOther).ToList();
        return theirs.SetEquals(mine) && mine.All(k => Same(document.Values[k], _values[k]));
    }

    /// <summary>Equal by meaning, as far as a reader of the file can tell: quoting counts (<c>42</c> is not <c>"42"</c>), layout does not.</summary>
    private static bool Same(YamlValue a, YamlValue b) => (a, b) switch
    {
        (YamlScalar x, YamlScalar y) => x.Text == y.Text && x.Quoted == y.Quoted,
        (YamlSequence x, YamlSequence y) => x.Items.Count == y.Items.Count && x.Items.Zip(y.Items).All(p => Same(p.First, p.Second)),
        (YamlMapping x, YamlMapping y) => x.Entries.Count == y.Entries.Count && x.Entries.Zip(y.Entries).All(p => p.First.Key == p.Second.Key && Same(p.First.Value, p.Second.Value)),
        _ => false,
    };

    private static IEnumerable<string> Comments(FrontMatterRegion region) => region.Leading.SkipWhile(YamlLine.IsBlank).Select(YamlLine.Content);
}
