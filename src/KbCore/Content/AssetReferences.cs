using System.Collections.Frozen;
using System.Text.RegularExpressions;
using KbCore.Articles;

namespace KbCore.Content;

/// <summary>
/// Which images and attachments anonymous visitors may load: those a public article links to.
/// Anything else (used only by internal articles, or by nobody) answers like a missing file: fail closed.
/// </summary>
internal static partial class AssetReferences
{
    public static FrozenSet<string> FindPublic(IEnumerable<Article> articles, LinkIndex links)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in articles.Where(a => a.IsPublic))
        {
            foreach (Match m in TargetRegex().Matches(article.Body))
            {
                var target = m.Groups["t"].Value;
                var cut = target.IndexOfAny(['#', '?']);
                if (cut >= 0)
                {
                    target = target[..cut];
                }

                if (target.Length == 0 || target.Contains(':', StringComparison.Ordinal))
                {
                    continue;
                }

                string decoded;
                try
                {
                    decoded = Uri.UnescapeDataString(target);
                }
                catch (UriFormatException)
                {
                    continue;
                }

                if (LinkIndex.Combine(article.FolderPath, decoded) is { } path && links.FindAsset(path) is not null)
                {
                    found.Add(path);
                }
            }
        }

        return found.ToFrozenSet(StringComparer.Ordinal);
    }

    // Markdown link/image targets, reference definitions and HTML src/href attributes.
    [GeneratedRegex("""\]\(\s*<?(?<t>[^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(?<t>\S+?)>?\s*$|(?:src|href)\s*=\s*["'](?<t>[^"']+)["']""", RegexOptions.Multiline)]
    private static partial Regex TargetRegex();
}
