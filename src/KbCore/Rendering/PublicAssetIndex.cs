using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using KbCore.Content;
using Markdig;

namespace KbCore.Rendering;

/// <summary>
/// Which images and attachments anonymous visitors may load: those a public article links to, found the way
/// the page itself finds them (Markdig's syntax tree, so code blocks do not count and reference links do).
/// Anything else, used only by internal articles or by nobody, answers like a missing file: fail closed.
/// Computed once per snapshot, on the first asset request. Thread-safe.
/// </summary>
public sealed class PublicAssetIndex
{
    private readonly ConditionalWeakTable<ContentSnapshot, Lazy<FrozenSet<string>>> _bySnapshot = [];

    public bool IsPublic(ContentSnapshot snapshot, string assetPath)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return _bySnapshot.GetValue(snapshot, s => new Lazy<FrozenSet<string>>(() => Compute(s))).Value.Contains(assetPath);
    }

    private static FrozenSet<string> Compute(ContentSnapshot snapshot)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in snapshot.Articles.Values.Where(a => a.IsPublic))
        {
            try
            {
                var document = Markdown.Parse(article.Body, KbMarkdownPipeline.Instance);
                LinkRewriter.Rewrite(document, article, snapshot.Links, article.BodyLine, found);
            }
            catch (ArgumentException)
            {
                // Markdown too deeply nested to parse: its page cannot render either, so it shares nothing.
            }
        }

        return found.ToFrozenSet(StringComparer.Ordinal);
    }
}
