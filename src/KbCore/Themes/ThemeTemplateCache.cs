using System.Collections.Concurrent;
using Fluid;

namespace KbCore.Themes;

/// <summary>
/// Parsed templates by file, re-parsed when the file changes on disk, so theme authors see edits on reload.
/// Also Fluid's template cache for partials: it parses on a miss itself, so a broken partial is reported with
/// its own file and line. Parsed Fluid templates are safe to render from many threads at once.
/// </summary>
internal sealed class ThemeTemplateCache(ThemeFiles files) : ITemplateCache
{
    private readonly ConcurrentDictionary<string, (IFluidTemplate Template, DateTime Modified)> _parsed = new(StringComparer.Ordinal);

    /// <exception cref="ThemeException">Missing template or syntax error.</exception>
    public IFluidTemplate Get(string theme, string name)
    {
        var path = files.Find(theme, name + ".liquid")
            ?? throw new ThemeException($"{theme}/{name}.liquid", 0, "template not found in the theme or in default");
        return GetByPath(path);
    }

    /// <summary><paramref name="subpath"/> is the full path <see cref="ThemeFileProvider"/> gave as cache key.</summary>
    public bool TryGetTemplate(string subpath, DateTimeOffset lastModified, out IFluidTemplate template)
    {
        template = GetByPath(subpath);
        return true;
    }

    public void SetTemplate(string subpath, DateTimeOffset lastModified, IFluidTemplate template)
    {
        // Never called: TryGetTemplate always answers.
    }

    private IFluidTemplate GetByPath(string path)
    {
        var modified = File.GetLastWriteTimeUtc(path);
        if (_parsed.TryGetValue(path, out var hit) && hit.Modified == modified)
        {
            return hit.Template;
        }

        var template = ThemeParser.Parse(File.ReadAllText(path), files.Describe(path));
        _parsed[path] = (template, modified);
        return template;
    }
}
