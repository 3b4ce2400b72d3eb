using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace KbCore.Articles;

/// <summary>
/// Reads one YAML document into <see cref="YamlValue"/> nodes from the event stream.
/// Working at event level lets us count every node, including the ones aliases expand to,
/// so an alias bomb ("billion laughs") fails fast instead of eating memory.
/// </summary>
internal sealed class YamlReader
{
    private const int MaxNodes = 10_000;
    private const int MaxDepth = 32;

    private readonly Parser _parser;
    private readonly Dictionary<string, YamlValue> _anchors = new(StringComparer.Ordinal);

    // Size of each node with aliases expanded, so an alias costs what it would cost to walk.
    private readonly Dictionary<YamlValue, int> _sizes = new(ReferenceEqualityComparer.Instance);
    private int _nodes;

    private YamlReader(string yaml, int firstLine)
    {
        _parser = new Parser(new StringReader(yaml));
        FirstLine = firstLine;
    }

    private int FirstLine { get; }

    /// <summary>Parses <paramref name="yaml"/>; <paramref name="firstLine"/> is the file line of its first line.</summary>
    /// <exception cref="FrontMatterException">Syntax errors, limits exceeded.</exception>
    public static YamlValue? Read(string yaml, int firstLine)
    {
        var reader = new YamlReader(yaml, firstLine);
        try
        {
            return reader.ReadDocument();
        }
        catch (YamlException e)
        {
            var line = (int)e.Start.Line + firstLine - 1;
            throw new FrontMatterException(line, $"front matter is not valid YAML: {e.Message}");
        }
    }

    private YamlValue? ReadDocument()
    {
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        _parser.Consume<DocumentStart>();
        var root = ReadNode(0);
        _parser.Consume<DocumentEnd>();
        if (!_parser.TryConsume<StreamEnd>(out _))
        {
            throw new FrontMatterException(FirstLine, "front matter holds more than one YAML document");
        }

        return root;
    }

    private int LineOf(ParsingEvent e) => (int)e.Start.Line + FirstLine - 1;

    private void Count(int line, int weight = 1)
    {
        _nodes += weight;
        if (_nodes > MaxNodes)
        {
            throw new FrontMatterException(line, $"front matter has more than {MaxNodes} values (are aliases expanding?)");
        }
    }

    private YamlValue ReadNode(int depth)
    {
        var before = _nodes;
        if (depth > MaxDepth)
        {
            throw new FrontMatterException(LineOf(_parser.Current!), $"front matter is nested deeper than {MaxDepth} levels");
        }

        var current = _parser.Current ?? throw new FrontMatterException(FirstLine, "front matter ends unexpectedly");
        var line = LineOf(current);
        YamlValue value;
        string? anchor = null;
        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw new FrontMatterException(line, $"unknown YAML alias *{alias.Value.Value}");
                }

                // An alias re-uses the node but counts as its full size: that is what a consumer would walk.
                Count(line, _sizes[target]);
                return target;
            case Scalar scalar:
                _parser.MoveNext();
                Count(line);
                anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                var plainNull = scalar.IsPlainImplicit && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
                value = new YamlScalar(line, plainNull ? null : scalar.Value, !scalar.IsPlainImplicit);
                break;
            case SequenceStart start:
                _parser.MoveNext();
                Count(line);
                anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                var items = new List<YamlValue>();
                while (!_parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(depth + 1));
                }

                value = new YamlSequence(line, items);
                break;
            case MappingStart start:
                _parser.MoveNext();
                Count(line);
                anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                var entries = new List<KeyValuePair<string, YamlValue>>();
                while (!_parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(depth + 1);
                    if (key is not YamlScalar { Text: { } keyText })
                    {
                        throw new FrontMatterException(key.Line, "front matter keys must be plain text");
                    }

                    entries.Add(new(keyText, ReadNode(depth + 1)));
                }

                value = new YamlMapping(line, entries);
                break;
            default:
                throw new FrontMatterException(line, $"unexpected YAML element {current.GetType().Name}");
        }

        _sizes[value] = _nodes - before;
        if (anchor is not null)
        {
            _anchors[anchor] = value;
        }

        return value;
    }
}
