using System.Globalization;
using KbCore.Articles;
using KbCore.Themes.Models;

namespace KbCore.Themes;

/// <summary>
/// The <c>settings:</c> of a theme's theme.yml, laid over those of <c>default</c> (a theme overrides what it
/// changes, as with its files). Read again when the theme's files change (<see cref="ThemeVersion"/>).
/// </summary>
internal sealed class ThemeSettings(ThemeFiles files, string theme)
{
    private const string FileName = "theme.yml";

    private readonly Lock _lock = new();
    private (string Version, ThemeView View, IReadOnlyList<ThemeException> Problems) _read = (string.Empty, new ThemeView(theme, new Dictionary<string, object>()), []);

    /// <summary>The theme with its settings, for <paramref name="version"/> of its files.</summary>
    public ThemeView View(string version) => Read(version).View;

    /// <summary>What is wrong with the theme.yml files (for <c>check --theme</c>); broken files add no settings.</summary>
    public IReadOnlyList<ThemeException> Problems(string version) => Read(version).Problems;

    private (string Version, ThemeView View, IReadOnlyList<ThemeException> Problems) Read(string version)
    {
        lock (_lock)
        {
            if (_read.Version != version)
            {
                var settings = new Dictionary<string, object>(StringComparer.Ordinal);
                var problems = new List<ThemeException>();
                foreach (var name in new[] { ThemeOptions.DefaultTheme, theme }.Distinct(StringComparer.Ordinal))
                {
                    var path = Path.Combine(files.Root, name, FileName);
                    if (File.Exists(path))
                    {
                        Merge(settings, problems, name + "/" + FileName, path);
                    }
                }

                _read = (version, new ThemeView(theme, settings), problems);
            }

            return _read;
        }
    }

    private static void Merge(Dictionary<string, object> settings, List<ThemeException> problems, string file, string path)
    {
        YamlValue? root;
        try
        {
            root = YamlReader.Read(File.ReadAllText(path), 1);
        }
        catch (FrontMatterException e)
        {
            problems.Add(new ThemeException(file, e.Line, e.Message.Replace("front matter", FileName, StringComparison.Ordinal)));
            return;
        }

        var section = root is YamlMapping map ? map.Entries.FirstOrDefault(e => e.Key == "settings").Value : null;
        if (section is null)
        {
            return;
        }

        if (section is not YamlMapping entries)
        {
            problems.Add(new ThemeException(file, section.Line, "`settings` must be a mapping of names to values"));
            return;
        }

        foreach (var (key, value) in entries.Entries)
        {
            if (Value(value) is { } converted)
            {
                settings[key] = converted;
            }
            else
            {
                problems.Add(new ThemeException(file, value.Line, $"setting `{key}` must be text, true/false, a number, or a list of them"));
            }
        }
    }

    private static object? Value(YamlValue value) => value switch
    {
        YamlScalar { Quoted: false, Text: "true" } => true,
        YamlScalar { Quoted: false, Text: "false" } => false,
        YamlScalar { Quoted: false, Text: { } text } when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
        YamlScalar scalar => scalar.Text ?? string.Empty,
        YamlSequence list when list.Items.Select(Value).ToList() is var items && items.All(i => i is not null and not object[]) => items.Cast<object>().ToArray(),
        _ => null,
    };
}
