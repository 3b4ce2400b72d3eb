using System.Collections.Concurrent;
using DotLiquid;
using DotLiquid.Exceptions;

namespace KbCore.Themes;

/// <summary>
/// Parsed templates by file, re-parsed when the file changes on disk, so theme authors see edits on reload.
/// Parsed DotLiquid templates are safe to render from many threads at once.
/// </summary>
internal sealed class ThemeTemplateCache(ThemeFiles files)
{
    private readonly ConcurrentDictionary<string, (Template Template, DateTime Modified)> _parsed = new(StringComparer.Ordinal);

    public ThemeFiles Files => files;

    /// <exception cref="ThemeException">Missing template or syntax error.</exception>
    public Template Get(string theme, string name)
    {
        var path = files.Find(theme, name + ".liquid")
            ?? throw new ThemeException($"{theme}/{name}.liquid", 0, "template not found in the theme or in default");
        var modified = File.GetLastWriteTimeUtc(path);
        if (_parsed.TryGetValue(path, out var hit) && hit.Modified == modified)
        {
            return hit.Template;
        }

        var source = File.ReadAllText(path);
        try
        {
            var template = Template.Parse(source);
            _parsed[path] = (template, modified);
            return template;
        }
        catch (SyntaxException e)
        {
            // No inner exception on purpose: DotLiquid unwraps inner Liquid exceptions while rendering a
            // layout, which would blame the page instead of the broken layout or partial.
            throw new ThemeException(files.Describe(path), GuessLine(source, e.Message), e.Message);
        }
    }

    /// <summary>
    /// DotLiquid's syntax errors carry no position: find the first tag that mentions the
    /// word the message complains about, which is right for the common cases (unknown or unclosed tags).
    /// </summary>
    internal static int GuessLine(string source, string message)
    {
        var quoted = message.Split('\'', '"').Where((_, i) => i % 2 == 1).FirstOrDefault(s => s.Length > 0);
        var lines = source.Split('\n');
        if (quoted is not null)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains("{%", StringComparison.Ordinal) && lines[i].Contains(quoted, StringComparison.Ordinal))
                {
                    return i + 1;
                }
            }
        }

        return 0;
    }
}
