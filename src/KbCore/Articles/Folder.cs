namespace KbCore.Articles;

/// <summary>
/// A folder of the help center: the root, a category (top level) or a section (deeper).
/// Built once per snapshot and never mutated after the snapshot builder returns.
/// </summary>
public sealed class Folder
{
    internal Folder(string path, Folder? parent)
    {
        Path = path;
        Parent = parent;
        Title = TitleFallback.FromFileName(path.Length == 0 ? "Help Center" : path[(path.LastIndexOf('/') + 1)..]);
    }

    /// <summary>Repository path ("" for the root).</summary>
    public string Path { get; }

    public Folder? Parent { get; }

    public string Title { get; internal set; }

    public string Description { get; internal set; } = string.Empty;

    public int? Order { get; internal set; }

    /// <summary>Sub-folders sorted by order, then title.</summary>
    public IReadOnlyList<Folder> Folders => FoldersList;

    /// <summary>Articles directly inside, sorted by order, then title.</summary>
    public IReadOnlyList<Article> Articles => ArticlesList;

    /// <summary>0 for the root, 1 for a category, 2+ for sections.</summary>
    public int Depth => Path.Length == 0 ? 0 : Path.Count(c => c == '/') + 1;

    /// <summary>Number of public articles in this folder and below.</summary>
    public int PublicArticleCount { get; internal set; }

    internal List<Folder> FoldersList { get; } = [];

    internal List<Article> ArticlesList { get; } = [];
}
