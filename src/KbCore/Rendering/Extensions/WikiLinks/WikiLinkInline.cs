using Markdig.Syntax.Inlines;

namespace KbCore.Rendering.Extensions.WikiLinks;

/// <summary>
/// <c>[[Target]]</c> or <c>[[Target|label]]</c>. A <see cref="LinkInline"/>, so it renders like any link
/// once <see cref="LinkRewriter"/> has resolved <see cref="Target"/> to a URL.
/// </summary>
public sealed class WikiLinkInline : LinkInline
{
    /// <summary>What the author wrote before the <c>|</c>: a path, file name or title.</summary>
    public string Target { get; init; } = string.Empty;

    /// <summary>
    /// True when the author wrote the link's text (<c>[[target|text]]</c>); otherwise the link shows the target
    /// article's title once resolved, and <see cref="Target"/> while it is broken.
    /// </summary>
    public bool HasLabel { get; init; }
}
