using KbCore.Themes.Models;

namespace KbCore.Rendering;

/// <summary>An article rendered once: sanitized HTML, its table of contents and the links that lead nowhere.</summary>
public sealed record RenderedArticle(string Html, IReadOnlyList<HeadingView> Headings, IReadOnlyList<BrokenLink> BrokenLinks);
