using System.Text.RegularExpressions;

namespace KbCore.Themes;

/// <summary>
/// Finds theme files: in the active theme first, then in <c>default</c>, so a theme may override only
/// what it changes. Names are checked against a strict pattern, so no request can leave the themes folder.
/// </summary>
public sealed partial class ThemeFiles(string root)
{
    /// <summary>Absolute path of the folder holding the themes.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    public bool ThemeExists(string theme) => IsSafeName(theme) && Directory.Exists(Path.Combine(Root, theme));

    /// <summary>Absolute path of <paramref name="relativePath"/> in the theme or its fallback, or null.</summary>
    public string? Find(string theme, string relativePath)
    {
        if (!IsSafeName(theme) || !IsSafeRelativePath(relativePath))
        {
            return null;
        }

        foreach (var candidate in theme == ThemeOptions.DefaultTheme ? [theme] : new[] { theme, ThemeOptions.DefaultTheme })
        {
            var full = Path.GetFullPath(Path.Combine(Root, candidate, relativePath));
            if (full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full))
            {
                return full;
            }
        }

        return null;
    }

    /// <summary>The theme folder a found file belongs to, for error messages: <c>midnight/templates/home.liquid</c>.</summary>
    public string Describe(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    public static bool IsSafeName(string name) => NameRegex().IsMatch(name);

    public static bool IsSafeRelativePath(string path) =>
        path.Length is > 0 and < 256 && PathRegex().IsMatch(path) && !path.Split('/').Any(s => s.Length == 0 || s.StartsWith('.'));

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex NameRegex();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_./-]*$")]
    private static partial Regex PathRegex();
}
