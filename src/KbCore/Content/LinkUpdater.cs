using System.Text;
using System.Text.RegularExpressions;

namespace KbCore.Content;

/// <summary>
/// Keeps links working when an article moves: <see cref="Rewrite"/> fixes links to it in other articles (relative
/// links and path wiki links), <see cref="Rebase"/> fixes the moved article's own relative links for its new folder.
/// Fenced code is left alone. Both return null when nothing changed.
/// </summary>
public static partial class LinkUpdater
{
    /// <summary>True when the text links to <paramref name="path"/> in a way <see cref="Rewrite"/> would update.</summary>
    public static bool LinksTo(string text, string fromFile, string path)
    {
        var folder = FolderOf(fromFile);
        var found = false;
        Transform(
            text,
            (pathPart, hasExtension) =>
            {
                found |= Resolve(folder, hasExtension ? pathPart[..^3] : pathPart) == path;
                return null;
            },
            target =>
            {
                found |= string.Equals(target.Trim().Trim('/'), path, StringComparison.Ordinal);
                return null;
            });
        return found;
    }

    public static string? Rewrite(string text, string fromFile, string oldPath, string newPath)
    {
        var folder = FolderOf(fromFile);
        return Transform(
            text,
            (pathPart, hasExtension) => Resolve(folder, hasExtension ? pathPart[..^3] : pathPart) == oldPath
                ? Relative(folder, newPath) + (hasExtension ? ".md" : string.Empty)
                : null,
            target => string.Equals(target.Trim().Trim('/'), oldPath, StringComparison.Ordinal) ? newPath : null);
    }

    public static string? Rebase(string text, string oldFile, string newFile)
    {
        var oldFolder = FolderOf(oldFile);
        var newFolder = FolderOf(newFile);
        if (oldFolder == newFolder)
        {
            return null;
        }

        return Transform(
            text,
            (pathPart, _) => pathPart.StartsWith('/') || Resolve(oldFolder, pathPart) is not { } target ? null : Relative(newFolder, target),
            _ => null);
    }

    /// <param name="markdown">Given a link's path (without #fragment or ?query) and whether it ends in .md, the new path or null.</param>
    /// <param name="wiki">Given a wiki link's target, the new target or null.</param>
    private static string? Transform(string text, Func<string, bool, string?> markdown, Func<string, string?> wiki)
    {
        ArgumentNullException.ThrowIfNull(text);
        var changed = false;
        var output = new StringBuilder(text.Length);
        var inFence = false;
        foreach (var line in text.Split('\n'))
        {
            if (output.Length > 0)
            {
                output.Append('\n');
            }

            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (inFence || trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                output.Append(line);
                continue;
            }

            var updated = MarkdownLink().Replace(line, m =>
            {
                var target = m.Groups["target"].Value;
                if (target.StartsWith('#') || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
                {
                    return m.Value;
                }

                var cut = target.IndexOfAny(['#', '?']);
                var pathPart = cut < 0 ? target : target[..cut];
                var replacement = pathPart.Length == 0 ? null : markdown(pathPart, pathPart.EndsWith(".md", StringComparison.OrdinalIgnoreCase));
                if (replacement is null || replacement == pathPart)
                {
                    return m.Value;
                }

                changed = true;
                return m.Value.Replace("(" + target, "(" + replacement + (cut < 0 ? string.Empty : target[cut..]), StringComparison.Ordinal);
            });
            updated = WikiLink().Replace(updated, m =>
            {
                if (wiki(m.Groups["target"].Value) is not { } replacement)
                {
                    return m.Value;
                }

                changed = true;
                return "[[" + replacement + m.Groups["rest"].Value + "]]";
            });
            output.Append(updated);
        }

        return changed ? output.ToString() : null;
    }

    private static string FolderOf(string file) => file.LastIndexOf('/') is var slash and >= 0 ? file[..slash] : string.Empty;

    /// <summary>The repository path a link from <paramref name="folder"/> names, or null if it leaves the repository.</summary>
    private static string? Resolve(string folder, string link)
    {
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

        return parts.Count == 0 ? null : string.Join('/', parts);
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

        return string.Join('/', Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)));
    }

    // ](target) or ](target "title"): the link part of inline links and images.
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\[\[(?<target>[^\]|#]+)(?<rest>[|#][^\]]*)?\]\]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WikiLink();
}
