namespace KbCore.Articles;

/// <summary>
/// One article at one commit. Immutable and keyed by blob SHA, so a snapshot for the next commit
/// re-uses every article whose file did not change.
/// </summary>
/// <param name="Path">Repository path without <c>.md</c>: the article's URL path.</param>
/// <param name="FilePath">Repository path of the file.</param>
/// <param name="BlobSha">Git blob id: the article's revision, and the render cache key.</param>
/// <param name="Title">Front matter title, else the first heading, else the file name.</param>
/// <param name="Body">Markdown after the front matter.</param>
/// <param name="BodyLine">File line where <paramref name="Body"/> starts.</param>
public sealed record Article(
    string Path,
    string FilePath,
    string BlobSha,
    string Title,
    ArticleMetadata Metadata,
    string Body,
    int BodyLine)
{
    /// <summary>True when a folder above it is internal (<c>visibility: internal</c> in its <c>_index.md</c>).</summary>
    public bool InheritedInternal { get; init; }

    /// <summary>Anonymous visitors may read it: public itself, and in no internal folder.</summary>
    public bool IsPublic => Metadata.Visibility == Visibility.Public && !InheritedInternal;

    /// <summary>The folder path that holds the article ("" at the root).</summary>
    public string FolderPath => Path.LastIndexOf('/') is var i and >= 0 ? Path[..i] : string.Empty;

    /// <summary>File name without extension.</summary>
    public string Slug => Path[(Path.LastIndexOf('/') + 1)..];
}
