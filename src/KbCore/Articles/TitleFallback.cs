using System.Text.RegularExpressions;

namespace KbCore.Articles;

/// <summary>Titles for files that do not declare one: the first heading, else the file name made readable.</summary>
public static partial class TitleFallback
{
    /// <summary>The text of the first ATX heading (<c># Title</c>) in the first 200 lines, if any.</summary>
    public static string? FromFirstHeading(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var inFence = false;
        var lines = 0;
        foreach (var raw in markdown.AsSpan().EnumerateLines())
        {
            if (++lines > 200)
            {
                break;
            }

            var line = raw.TrimStart();
            if (line.StartsWith("```") || line.StartsWith("~~~"))
            {
                inFence = !inFence;
            }
            else if (!inFence && line.Length > 1 && line[0] == '#')
            {
                var m = HeadingRegex().Match(line.ToString());
                if (m.Success)
                {
                    return m.Groups[1].Value.Trim();
                }
            }
        }

        return null;
    }

    /// <summary><c>reset-your-password</c> becomes <c>Reset your password</c>.</summary>
    public static string FromFileName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$")]
    private static partial Regex HeadingRegex();
}
