using System.Globalization;

namespace KbServer.Tests.Infrastructure;

/// <summary>The samples of a Prometheus text exposition (<c>name{label="value",...} number</c> lines), read line by line.</summary>
public sealed class PrometheusText
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    public PrometheusText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('#'))
            {
                _samples.Add(Parse(line));
            }
        }
    }

    public IEnumerable<string> Names => _samples.Select(s => s.Name).Distinct();

    /// <summary>The sum over the samples named <paramref name="name"/> whose labels include every one of <paramref name="labels"/>; null when none.</summary>
    public double? Sum(string name, params (string Label, string Value)[] labels)
    {
        var matching = _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).ToArray();
        return matching.Length == 0 ? null : matching.Sum(s => s.Value);
    }

    private static (string, Dictionary<string, string>, double) Parse(string line)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        string name;
        string rest;
        if (brace >= 0 && brace < space)
        {
            name = line[..brace];
            var close = line.LastIndexOf('}');
            foreach (var pair in SplitLabels(line[(brace + 1)..close]))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                labels[pair[..equals]] = pair[(equals + 2)..^1];
            }

            rest = line[(close + 1)..].Trim();
        }
        else
        {
            name = line[..space];
            rest = line[space..].Trim();
        }

        var value = rest.Split(' ')[0];
        return (name, labels, value switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(value, CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Splits <c>a="x",b="y, z"</c> at the commas outside quotes.</summary>
    private static IEnumerable<string> SplitLabels(string text)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == ',' && !quoted)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
