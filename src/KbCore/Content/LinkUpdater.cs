using System.Text;
using System.Text.RegularExpressions;

namespace KbCore.Content;

/// <summary>
/// Rewrites links to a moved article inside another article's markdown: relative links (<c>](../a/b.md)</c>) and
/// path wiki links (<c>[[a/b]]</c>). Fenced code is left alone. Returns null when nothing pointed at the old path.
/// </summary>
public static partial class LinkUpdater
{
    public static string? Rewrite(string text, string fromFile, string oldPath, string newPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folder = fromFile.LastIndexOf('/') is var slash and >= 0 ? fromFile[..slash] : string.Empty;
        var changed = false;
        var output = new StringBuilder(text.Length);
        var inFence = false;
        foreach (var line in text.Split('\n'))
        {
            if (output.Length > 0)
            {
                output.Append('\n');
            }

            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                output.Append(line);
                continue;
            }

            if (inFence)
            {
                output.Append(line);
                continue;
            }

            var updated = MarkdownLink().Replace(line, m =>
            {
                var target = m.Groups["target"].Value;
                var cut = target.IndexOfAny(['#', '?']);
                var pathPart = cut < 0 ? target : target[..cut];
                var suffix = cut < 0 ? string.Empty : target[cut..];
                var hasExtension = pathPart.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
                var resolved = Resolve(folder, hasExtension ? pathPart[..^3] : pathPart);
                if (resolved != oldPath)
                {
                    return m.Value;
                }

                changed = true;
                var relative = Relative(folder, newPath) + (hasExtension ? ".md" : string.Empty);
                return m.Value.Replace("(" + target, "(" + relative + suffix, StringComparison.Ordinal);
            });
            updated = WikiLink().Replace(updated, m =>
            {
                if (!string.Equals(m.Groups["target"].Value.Trim().Trim('/'), oldPath, StringComparison.Ordinal))
                {
                    return m.Value;
                }

                changed = true;
                return "[[" + newPath + m.Groups["rest"].Value + "]]";
            });
            output.Append(updated);
        }

        return changed ? output.ToString() : null;
    }

    /// <summary>The repository path a link from <paramref name="folder"/> names, or null if it leaves the repository.</summary>
    private static string? Resolve(string folder, string link)
    {
        if (link.Length == 0 || link.Contains("://", StringComparison.Ordinal) || link.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = new List<string>(link.StartsWith('/') ? [] : folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var segment in Uri.UnescapeDataString(link).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else if (segment != ".")
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }

    private static string Relative(string fromFolder, string toPath)
    {
        var from = fromFolder.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var to = toPath.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }

        var ups = Enumerable.Repeat("..", from.Length - common);
        return string.Join('/', ups.Concat(to.Skip(common)));
    }

    // ](target) or ](target "title"): the link part of inline links and images.
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\[\[(?<target>[^\]|#]+)(?<rest>[|#][^\]]*)?\]\]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WikiLink();
}
