using Fluid;

namespace KbCore.Themes;

/// <summary>
/// Where Fluid's <c>include</c> and <c>render</c> find partials: <c>.liquid</c> files of one theme, each
/// falling back to <c>default</c>, through <see cref="ThemeFiles"/>' name checks (nothing outside the themes
/// folder, nothing that is not a template). The full path is the cache key of <see cref="ThemeTemplateCache"/>.
/// </summary>
internal sealed class ThemeFileProvider(ThemeFiles files, string theme) : ITemplateFileProvider
{
    public ValueTask<TemplateSourceInfo> GetFileInfoAsync(string subpath, TemplateContext context, CancellationToken cancellationToken)
    {
        // Fluid asks for the name as written first, then with .liquid added: only the latter may match.
        var path = subpath.EndsWith(".liquid", StringComparison.Ordinal) ? files.Find(theme, subpath) : null;
        return new(path is null
            ? null!
            : new TemplateSourceInfo(File.GetLastWriteTimeUtc(path), _ => new ValueTask<Stream>(File.OpenRead(path)), path));
    }
}
