namespace KbCore.Articles;

/// <summary>
/// A file's front matter as the text it is, split into top-level key regions (<see cref="FrontMatterRegion"/>), so a
/// save can replace, remove or add one key and leave every other byte as it was: order, flow or block style, quoting,
/// comments, blank lines, the fences and the line endings. Reviews happen in git diffs; noise there hides the change.
/// </summary>
internal sealed class FrontMatterDocument
{
    private readonly List<FrontMatterRegion> _regions;
    private readonly List<string> _trailing;
    private readonly string _bom;
    private readonly string _open;
    private readonly string _close;

    private FrontMatterDocument(string bom, string open, List<FrontMatterRegion> regions, List<string> trailing, string close, string body, string newline, IReadOnlyDictionary<string, YamlValue> values)
    {
        _bom = bom;
        _open = open;
        _regions = regions;
        _trailing = trailing;
        _close = close;
        Body = body;
        Newline = newline;
        Values = values;
        HadFrontMatter = open.Length > 0;
    }

    /// <summary>The file's line ending, used for every line the editor writes.</summary>
    public string Newline { get; }

    /// <summary>Everything after the closing fence's line, or the whole file when it has no front matter.</summary>
    public string Body { get; set; }

    public bool HadFrontMatter { get; }

    public IReadOnlyList<FrontMatterRegion> Regions => _regions;

    /// <summary>The parsed value of each key as the file had it (the last one, for a repeated key).</summary>
    public IReadOnlyDictionary<string, YamlValue> Values { get; }

    /// <summary>
    /// Splits <paramref name="text"/>; null when its lines cannot be matched to the keys the parser reads (a layout this
    /// editor does not handle, such as complex keys), so the caller writes the front matter afresh instead.
    /// </summary>
    /// <exception cref="FrontMatterException">The front matter cannot be read at all.</exception>
    public static FrontMatterDocument? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bom = text.StartsWith('\uFEFF') ? "\uFEFF" : string.Empty;
        if (FrontMatterParser.Locate(text) is not { } span)
        {
            var body = text[bom.Length..];
            return new(bom, string.Empty, [], [], string.Empty, body, body.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n", new Dictionary<string, YamlValue>());
        }

        if (Split(text[span.YamlStart..span.YamlEnd], firstLine: 2) is not var (regions, trailing, values))
        {
            return null;
        }

        var open = text[bom.Length..span.YamlStart];
        return new(bom, open, regions, trailing, text[span.YamlEnd..span.BodyStart], text[span.BodyStart..], open.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n", values);
    }

    /// <summary>
    /// Top-level key regions of a YAML mapping and the comment or blank lines after the last key; null when the lines
    /// do not give exactly the keys the parser reads, in its order.
    /// </summary>
    /// <exception cref="FrontMatterException">The YAML cannot be read.</exception>
    public static (List<FrontMatterRegion> Regions, List<string> Trailing, Dictionary<string, YamlValue> Values)? Split(string yaml, int firstLine)
    {
        var root = YamlReader.Read(yaml, firstLine);
        var entries = root switch
        {
            YamlMapping mapping => mapping.Entries,
            null or YamlScalar { Text: null } => [],
            _ => null,
        };
        if (entries is null)
        {
            return null;
        }

        var regions = new List<FrontMatterRegion>();
        var pending = new List<string>();
        string? key = null;
        List<string> leading = [];
        List<string> lines = [];
        foreach (var raw in Lines(yaml))
        {
            var content = YamlLine.Content(raw);
            if (YamlLine.IsBlankOrComment(raw))
            {
                pending.Add(raw);
            }
            else if (YamlLine.Key(content, out _) is { } next)
            {
                if (key is not null)
                {
                    regions.Add(new(key, leading, [.. lines, .. Indented(pending)]));
                }

                (key, leading, lines) = (next, pending[Indented(pending).Count()..], [raw]);
                pending = [];
            }
            else if (key is null)
            {
                return null;
            }
            else
            {
                // Comments and blank lines inside a block list or scalar belong to that key.
                lines.AddRange(pending);
                lines.Add(raw);
                pending.Clear();
            }
        }

        if (key is not null)
        {
            regions.Add(new(key, leading, [.. lines, .. Indented(pending)]));
            pending = pending[Indented(pending).Count()..];
        }

        if (!regions.Select(r => r.Key).SequenceEqual(entries.Select(e => e.Key), StringComparer.Ordinal))
        {
            return null;
        }

        var values = new Dictionary<string, YamlValue>(StringComparer.Ordinal);
        foreach (var (name, value) in entries)
        {
            values[name] = value;
        }

        return (regions, pending, values);
    }

    /// <summary>
    /// The indented comment-like lines right after a key's lines: the end of its block scalar (<c>  # a heading in
    /// notes</c>) or a comment on it, so they go with that key rather than with the next one.
    /// </summary>
    private static IEnumerable<string> Indented(List<string> pending) =>
        pending.TakeWhile(l => l.Length > 0 && l[0] is ' ' or '\t' && !YamlLine.IsBlank(l));

    public FrontMatterRegion? Find(string key) => _regions.Find(r => r.Key == key);

    /// <summary>Gives <paramref name="key"/> new lines; the comments and blank lines above it stay.</summary>
    /// <param name="newKey">The key the new lines hold, when they correct the key's spelling.</param>
    public void Replace(string key, IEnumerable<string> contentLines, string? newKey = null)
    {
        var i = _regions.FindIndex(r => r.Key == key);
        _regions[i] = _regions[i] with { Key = newKey ?? key, Lines = [.. contentLines.Select(l => l + Newline)] };
    }

    /// <summary>Replaces a key's region whole: its lines and the comments above it (blank lines above it stay).</summary>
    public void Replace(string key, IEnumerable<string> leadingComments, IEnumerable<string> contentLines)
    {
        var i = _regions.FindIndex(r => r.Key == key);
        var blanks = _regions[i].Leading.TakeWhile(YamlLine.IsBlank);
        _regions[i] = new(key, [.. blanks.Concat(leadingComments.Select(l => l + Newline))], [.. contentLines.Select(l => l + Newline)]);
    }

    /// <summary>
    /// Removes a key's lines and the comment right above it (no blank line between: it is about that key). Comments
    /// further up stay for the next key, and blank lines stay only where they still separate something.
    /// </summary>
    public void Remove(string key)
    {
        for (var i = _regions.FindIndex(r => r.Key == key); i >= 0; i = _regions.FindIndex(r => r.Key == key))
        {
            RemoveAt(i);
        }
    }

    /// <summary>Removes every region of <paramref name="key"/> but the first (a key the file repeats).</summary>
    public void RemoveRepeats(string key)
    {
        var first = _regions.FindIndex(r => r.Key == key);
        for (var i = _regions.FindLastIndex(r => r.Key == key); i > first; i = _regions.FindLastIndex(r => r.Key == key))
        {
            RemoveAt(i);
        }
    }

    private void RemoveAt(int i)
    {
        var leading = _regions[i].Leading;
        var keep = leading.Count;
        while (keep > 0 && !YamlLine.IsBlank(leading[keep - 1]))
        {
            keep--;
        }

        var kept = leading.Take(keep).ToList();
        var after = i + 1 < _regions.Count ? _regions[i + 1].Leading : _trailing;
        if (after.Count == 0 ? i + 1 == _regions.Count : YamlLine.IsBlank(after[0]))
        {
            while (kept.Count > 0 && YamlLine.IsBlank(kept[^1]))
            {
                kept.RemoveAt(kept.Count - 1);
            }
        }

        _regions.RemoveAt(i);
        if (i < _regions.Count)
        {
            _regions[i] = _regions[i] with { Leading = [.. kept.Concat(_regions[i].Leading)] };
        }
        else
        {
            _trailing.InsertRange(0, kept);
        }
    }

    /// <summary>Adds a key after the last one (comments and blank lines that close the front matter stay last).</summary>
    public void Add(string key, IEnumerable<string> leadingComments, IEnumerable<string> contentLines)
    {
        _regions.Add(new(key, [.. leadingComments.Select(l => l + Newline)], [.. contentLines.Select(l => l + Newline)]));
    }

    /// <summary>The YAML between the fences.</summary>
    public string Yaml => string.Concat(_regions.SelectMany(r => r.Leading.Concat(r.Lines)).Concat(_trailing));

    /// <summary>The whole file. A file that had no front matter gets one only when a key was added.</summary>
    public override string ToString()
    {
        if (!HadFrontMatter && _regions.Count == 0)
        {
            return _bom + Body;
        }

        var open = HadFrontMatter ? _open : "---" + Newline;
        var close = HadFrontMatter ? _close : "---" + Newline;

        // `---` at the very end of a file has no line ending: a body after it needs one.
        if (Body.Length > 0 && !close.EndsWith('\n'))
        {
            close += Newline;
        }

        return _bom + open + Yaml + close + Body;
    }

    /// <summary>The lines of <paramref name="text"/>, each with its terminator.</summary>
    public static IEnumerable<string> Lines(string text)
    {
        for (var pos = 0; pos < text.Length;)
        {
            var end = text.IndexOf('\n', pos);
            var next = end < 0 ? text.Length : end + 1;
            yield return text[pos..next];
            pos = next;
        }
    }
}
