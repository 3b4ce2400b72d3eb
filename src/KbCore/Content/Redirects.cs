using YamlDotNet.RepresentationModel;

namespace KbCore.Content;

/// <summary>
/// <c>.kb/redirects.yml</c>: where moved articles went (old path → new path), committed with the move so the
/// old URL keeps working and the record lives in git with the rest of the content.
/// </summary>
public static class Redirects
{
    public const string FilePath = ".kb/redirects.yml";
    public const int MaxEntries = 10_000;

    public static IReadOnlyDictionary<string, string> Empty { get; } = new Dictionary<string, string>();

    /// <summary>The mapping; entries that are not plain string pairs are skipped, and a broken file gives none.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml ?? string.Empty));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return Empty;
            }

            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in root.Children.Take(MaxEntries))
            {
                if (key is YamlScalarNode { Value: { Length: > 0 } from } && value is YamlScalarNode { Value: { Length: > 0 } to })
                {
                    result[from] = to;
                }
            }

            return result;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return Empty;
        }
    }

    /// <summary>
    /// The mapping after moving <paramref name="from"/> to <paramref name="to"/>: earlier moves of the article now
    /// point at its new path (no chains), and a path that exists again stops redirecting.
    /// </summary>
    public static Dictionary<string, string> WithMove(IReadOnlyDictionary<string, string> current, string from, string to)
    {
        var result = current.Where(r => r.Key != to).ToDictionary(r => r.Key, r => r.Value == from ? to : r.Value, StringComparer.Ordinal);
        result[from] = to;
        return result;
    }

    public static string Serialize(IReadOnlyDictionary<string, string> redirects)
    {
        var root = new YamlMappingNode();
        foreach (var (from, to) in redirects.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            root.Add(new YamlScalarNode(from) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted }, new YamlScalarNode(to) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted });
        }

        using var writer = new StringWriter();
        writer.Write("# Moved articles: old path → new path. The help center redirects the old URLs. Written by the studio.\n");
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('.', '\n') + "\n";
    }
}
