using System.Collections.Frozen;
using System.Text;
using KbCore.Articles;
using KbCore.Search;
using KbCore.TicketCategories;
using LibGit2Sharp;

namespace KbCore.Content;

/// <summary>
/// Builds a <see cref="ContentSnapshot"/> from a commit's tree through the object database (no work tree).
/// Articles whose blob did not change since the previous snapshot are re-used, so a new commit costs
/// only the files it touched.
/// </summary>
internal sealed class ContentSnapshotBuilder
{
    /// <summary>Largest markdown file served; bigger ones are reported, not loaded.</summary>
    public const long MaxArticleBytes = 2 * 1024 * 1024;

    // First URL segments the help center itself answers: content there cannot be reached.
    private static readonly HashSet<string> ReservedSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "assets", "search", "healthz", "contact", "studio", "api", "openapi", "content.git",
    };

    private readonly Visibility _defaultVisibility;
    private readonly FrozenDictionary<string, Article> _previous;
    private readonly IReadOnlyDictionary<string, ContentProblem[]> _previousWarnings;
    private readonly Dictionary<string, ContentProblem[]> _articleWarnings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Article> _articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Folder> _folders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AssetEntry> _assets = new(StringComparer.Ordinal);
    private readonly List<ContentProblem> _problems = [];
    private readonly List<(string FolderPath, Blob Blob, string FilePath)> _indexFiles = [];
    private Blob? _catalogBlob;
    private Blob? _synonymsBlob;

    private ContentSnapshotBuilder(Visibility defaultVisibility, ContentSnapshot? previous)
    {
        _defaultVisibility = defaultVisibility;
        _previous = previous?.Articles ?? FrozenDictionary<string, Article>.Empty;
        _previousWarnings = previous?.ArticleWarnings ?? new Dictionary<string, ContentProblem[]>();
        _folders[string.Empty] = new Folder(string.Empty, null);
    }

    public static ContentSnapshot Build(Commit commit, Visibility defaultVisibility, ContentSnapshot? previous)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var builder = new ContentSnapshotBuilder(defaultVisibility, previous);
        builder.Walk(commit.Tree, string.Empty);
        return builder.Finish(commit);
    }

    private void Walk(Tree tree, string prefix)
    {
        foreach (var entry in tree)
        {
            // Dot files and folders (.git, .github, .gitignore) are tooling, not content.
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            var path = prefix.Length == 0 ? entry.Name : prefix + "/" + entry.Name;
            switch (entry.TargetType)
            {
                case TreeEntryTargetType.Tree:
                    Walk((Tree)entry.Target, path);
                    break;
                case TreeEntryTargetType.Blob when entry.Mode != Mode.SymbolicLink:
                    AddBlob((Blob)entry.Target, path, prefix, entry.Name);
                    break;
                default:
                    // Submodules and symlinks could point outside the repository: never followed.
                    break;
            }
        }
    }

    private void AddBlob(Blob blob, string path, string folder, string name)
    {
        if (ArticlePaths.IsFolderSettingsFile(name))
        {
            _indexFiles.Add((folder, blob, path));
        }
        else if (ArticlePaths.ArticlePathOf(path) is { } articlePath)
        {
            AddArticle(blob, path, articlePath);
        }
        else if (folder.Length == 0 && name == TicketCategoryCatalog.FileName)
        {
            _catalogBlob = blob;
        }
        else if (folder.Length == 0 && name == SynonymSet.FileName)
        {
            _synonymsBlob = blob; // settings, like the catalog: never served as a file
        }
        else
        {
            _assets[path] = new AssetEntry(path, blob.Sha, blob.Size);
        }
    }

    private void AddArticle(Blob blob, string filePath, string path)
    {
        if (_previous.TryGetValue(path, out var known) && known.BlobSha == blob.Sha && known.FilePath == filePath)
        {
            _articles[path] = known;
            // Only what parsing this file said: snapshot-wide checks run again in Finish.
            if (_previousWarnings.TryGetValue(filePath, out var warnings))
            {
                _articleWarnings[filePath] = warnings;
                _problems.AddRange(warnings);
            }

            return;
        }

        if (blob.Size > MaxArticleBytes)
        {
            _problems.Add(new(filePath, 0, ContentProblem.Error, $"file is larger than {MaxArticleBytes / 1024 / 1024} MB and is not served"));
            return;
        }

        var text = ReadText(blob);
        try
        {
            var parsed = FrontMatterParser.Parse(text, _defaultVisibility);
            var problems = parsed.Warnings.Select(w => new ContentProblem(filePath, 0, ContentProblem.Warning, w)).ToList();
            if (Rendering.ArticleLimits.Check(parsed.Body, parsed.BodyLine) is { } tooComplex)
            {
                problems.Add(new(filePath, tooComplex.Line, ContentProblem.Error, tooComplex.Message + " It is shown as plain text until then."));
            }

            if (problems.Count > 0)
            {
                var warnings = problems.ToArray();
                _articleWarnings[filePath] = warnings;
                _problems.AddRange(warnings);
            }

            var title = parsed.Metadata.Title
                ?? TitleFallback.FromFirstHeading(parsed.Body)
                ?? TitleFallback.FromFileName(path[(path.LastIndexOf('/') + 1)..]);
            _articles[path] = new Article(path, filePath, blob.Sha, title, parsed.Metadata, parsed.Body, parsed.BodyLine);
        }
        catch (FrontMatterException e)
        {
            _problems.Add(new(filePath, e.Line, ContentProblem.Error, e.Message + "; the article is not served"));
        }
    }

    private static string ReadText(Blob blob)
    {
        using var stream = blob.GetContentStream();
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private Folder GetFolder(string path)
    {
        if (_folders.TryGetValue(path, out var folder))
        {
            return folder;
        }

        var parentPath = path.LastIndexOf('/') is var i and >= 0 ? path[..i] : string.Empty;
        var parent = GetFolder(parentPath);
        folder = new Folder(path, parent);
        parent.FoldersList.Add(folder);
        _folders[path] = folder;
        return folder;
    }

    /// <summary>
    /// One settings file per folder. A push can bring <c>_index.md</c> beside <c>_INDEX.MD</c> (one file on macOS
    /// and Windows, two in git): the lowercase one wins and the other is reported, never a failed snapshot.
    /// </summary>
    private IEnumerable<(string FolderPath, Blob Blob, string FilePath)> FolderSettingsFiles()
    {
        foreach (var group in _indexFiles.GroupBy(f => f.FolderPath, StringComparer.Ordinal))
        {
            var ordered = group
                .OrderBy(f => f.FilePath.EndsWith("/" + ArticlePaths.FolderSettingsFile, StringComparison.Ordinal) || f.FilePath == ArticlePaths.FolderSettingsFile ? 0 : 1)
                .ThenBy(f => f.FilePath, StringComparer.Ordinal)
                .ToList();
            foreach (var ignored in ordered.Skip(1))
            {
                _problems.Add(new(ignored.FilePath, 0, ContentProblem.Warning, $"{ordered[0].FilePath} already sets this folder's title and order; this file is ignored"));
            }

            yield return ordered[0];
        }
    }

    private ContentSnapshot Finish(Commit commit)
    {
        var indexes = FolderSettingsFiles()
            .Select(f => (f.FolderPath, Metadata: ReadIndexFile(f.Blob, f.FilePath)))
            .Where(f => f.Metadata is not null)
            .ToDictionary(f => f.FolderPath, f => f.Metadata!, StringComparer.Ordinal);
        ApplyFolderVisibility(indexes);
        foreach (var article in _articles.Values)
        {
            GetFolder(article.FolderPath).ArticlesList.Add(article);
        }

        foreach (var (folderPath, metadata) in indexes)
        {
            if (_folders.TryGetValue(folderPath, out var folder))
            {
                folder.Title = metadata.Title ?? folder.Title;
                folder.Description = metadata.Summary ?? string.Empty;
                folder.Order = metadata.Order;
            }
        }

        foreach (var folder in _folders.Values)
        {
            folder.FoldersList.Sort(CompareFolders);
            folder.ArticlesList.Sort(CompareArticles);
            if (_articles.ContainsKey(folder.Path) && folder.Path.Length > 0)
            {
                _problems.Add(new(folder.Path + ".md", 0, ContentProblem.Warning, $"an article and a folder share the URL /{folder.Path}; the article wins"));
            }
        }

        foreach (var article in _articles.Values.Where(a => ReservedSegments.Contains(a.Path.Split('/')[0])).OrderBy(a => a.Path, StringComparer.Ordinal))
        {
            _problems.Add(new(article.FilePath, 0, ContentProblem.Warning, $"/{article.Path.Split('/')[0]} is reserved by the help center, so this article cannot be reached; move or rename it"));
        }

        CountPublic(_folders[string.Empty]);
        var catalog = ReadSettings(_catalogBlob, TicketCategoryCatalog.Parse, TicketCategoryCatalog.Empty);
        CheckTicketCategories(catalog);
        var synonyms = ReadSettings(_synonymsBlob, SynonymSet.Parse, SynonymSet.Empty);

        return new ContentSnapshot(
            commit.Sha,
            commit.Committer.When,
            _folders[string.Empty],
            _articles.ToFrozenDictionary(StringComparer.Ordinal),
            _folders.ToFrozenDictionary(StringComparer.Ordinal),
            _assets.ToFrozenDictionary(StringComparer.Ordinal),
            catalog,
            _articleWarnings,
            _problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ToArray())
        {
            Synonyms = synonyms,
            Redirects = commit[Redirects.FilePath]?.Target is Blob { Size: <= MaxArticleBytes } redirects ? Content.Redirects.Parse(ReadText(redirects)) : Content.Redirects.Empty,
        };
    }

    /// <summary>A settings file at the root parsed, its problems collected; <paramref name="none"/> when absent or too large.</summary>
    private T ReadSettings<T>(Blob? blob, Func<string, ICollection<ContentProblem>, T> parse, T none) =>
        blob is null || blob.Size > MaxArticleBytes ? none : parse(ReadText(blob), _problems);

    private ArticleMetadata? ReadIndexFile(Blob blob, string filePath)
    {
        if (blob.Size > MaxArticleBytes)
        {
            _problems.Add(new(filePath, 0, ContentProblem.Error, $"file is larger than {MaxArticleBytes / 1024 / 1024} MB and is ignored"));
            return null;
        }

        try
        {
            var parsed = FrontMatterParser.Parse(ReadText(blob), Visibility.Public);
            foreach (var warning in parsed.Warnings)
            {
                _problems.Add(new(filePath, 0, ContentProblem.Warning, warning));
            }

            return parsed.Metadata with { Title = parsed.Metadata.Title ?? TitleFallback.FromFirstHeading(parsed.Body) };
        }
        catch (FrontMatterException e)
        {
            _problems.Add(new(filePath, e.Line, ContentProblem.Error, e.Message));
            return null;
        }
    }

    /// <summary>
    /// <c>visibility: internal</c> in a folder's <c>_index.md</c> makes everything below it internal, whatever
    /// the articles say: a whole team-only category stays team-only when someone forgets one key.
    /// </summary>
    private void ApplyFolderVisibility(Dictionary<string, ArticleMetadata> indexes)
    {
        var internalFolders = indexes.Where(i => i.Value.Visibility == Visibility.Internal).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var article in _articles.Values.ToArray())
        {
            var inherited = internalFolders.Count > 0 && IsUnder(article.FolderPath, internalFolders);
            if (article.InheritedInternal != inherited)
            {
                _articles[article.Path] = article with { InheritedInternal = inherited };
            }
        }
    }

    private static bool IsUnder(string folderPath, HashSet<string> folders)
    {
        for (var path = folderPath; ; path = path.LastIndexOf('/') is var i and >= 0 ? path[..i] : string.Empty)
        {
            if (folders.Contains(path))
            {
                return true;
            }

            if (path.Length == 0)
            {
                return false;
            }
        }
    }

    private static int CountPublic(Folder folder)
    {
        var count = folder.ArticlesList.Count(a => a.IsPublic) + folder.FoldersList.Sum(CountPublic);
        folder.PublicArticleCount = count;
        return count;
    }

    private void CheckTicketCategories(TicketCategoryCatalog catalog)
    {
        if (catalog.Categories.Count == 0)
        {
            return;
        }

        foreach (var article in _articles.Values.OrderBy(a => a.Path, StringComparer.Ordinal))
        {
            foreach (var id in article.Metadata.TicketCategories.Where(id => !catalog.Contains(id)))
            {
                _problems.Add(new(article.FilePath, 0, ContentProblem.Error, $"ticket category `{id}` is not in {TicketCategoryCatalog.FileName}"));
            }
        }
    }

    private static int CompareFolders(Folder a, Folder b) =>
        (a.Order ?? int.MaxValue).CompareTo(b.Order ?? int.MaxValue) is var c and not 0 ? c : string.Compare(a.Title, b.Title, StringComparison.OrdinalIgnoreCase);

    private static int CompareArticles(Article a, Article b) =>
        (a.Metadata.Order ?? int.MaxValue).CompareTo(b.Metadata.Order ?? int.MaxValue) is var c and not 0 ? c : string.Compare(a.Title, b.Title, StringComparison.OrdinalIgnoreCase);
}
