namespace KbCore.Articles;

/// <summary>Front matter split from the markdown body, with warnings that do not stop the article from being served.</summary>
/// <param name="BodyLine">File line where <paramref name="Body"/> starts (1-based).</param>
public sealed record FrontMatterResult(ArticleMetadata Metadata, string Body, int BodyLine, IReadOnlyList<string> Warnings);
