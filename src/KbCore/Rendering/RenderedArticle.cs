using KbCore.Themes.Models;

namespace KbCore.Rendering;

/// <summary>An article rendered once: sanitized HTML, its table of contents and the links that lead nowhere.</summary>
/// <param name="Error">Why the markdown could not be rendered (the HTML is then a short notice), or null.</param>
public sealed record RenderedArticle(string Html, IReadOnlyList<HeadingView> Headings, IReadOnlyList<BrokenLink> BrokenLinks, string? Error = null);
