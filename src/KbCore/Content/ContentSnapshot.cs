using System.Collections.Frozen;
using KbCore.Articles;
using KbCore.Search;
using KbCore.TicketCategories;

namespace KbCore.Content;

/// <summary>
/// Everything the help center serves at one commit. Immutable: readers grab <see cref="ContentStore.Current"/>
/// once per request and never see a half-updated tree, whatever is pushed meanwhile.
/// </summary>
public sealed class ContentSnapshot
{
    internal ContentSnapshot(
        string commitSha,
        DateTimeOffset commitTime,
        Folder root,
        FrozenDictionary<string, Article> articles,
        FrozenDictionary<string, Folder> folders,
        FrozenDictionary<string, AssetEntry> assets,
        TicketCategoryCatalog ticketCategories,
        IReadOnlyDictionary<string, ContentProblem[]> articleWarnings,
        IReadOnlyList<ContentProblem> problems)
    {
        ArticleWarnings = articleWarnings;
        CommitSha = commitSha;
        CommitTime = commitTime;
        Root = root;
        Articles = articles;
        Folders = folders;
        Assets = assets;
        TicketCategories = ticketCategories;
        Problems = problems;
        Links = new LinkIndex(articles, folders, assets);
        _byTag = [Lookup(articles, includeInternal: false, a => a.Metadata.Tags, StringComparer.OrdinalIgnoreCase), Lookup(articles, includeInternal: true, a => a.Metadata.Tags, StringComparer.OrdinalIgnoreCase)];
        _byTicketCategory = [Lookup(articles, includeInternal: false, a => a.Metadata.TicketCategories, StringComparer.Ordinal), Lookup(articles, includeInternal: true, a => a.Metadata.TicketCategories, StringComparer.Ordinal)];
    }

    // [public only, all]: related articles for visitors and for the team.
    private readonly Lazy<ILookup<string, Article>>[] _byTag;
    private readonly Lazy<ILookup<string, Article>>[] _byTicketCategory;

    /// <summary>Full SHA of the commit, or "" for an empty repository.</summary>
    public string CommitSha { get; }

    public string ShortSha => CommitSha.Length >= 7 ? CommitSha[..7] : CommitSha;

    public DateTimeOffset CommitTime { get; }

    public Folder Root { get; }

    /// <summary>Articles by path without <c>.md</c>; includes internal ones (callers filter).</summary>
    public FrozenDictionary<string, Article> Articles { get; }

    /// <summary>Folders by path ("" is the root).</summary>
    public FrozenDictionary<string, Folder> Folders { get; }

    /// <summary>Non-markdown files by full repository path.</summary>
    public FrozenDictionary<string, AssetEntry> Assets { get; }

    public TicketCategoryCatalog TicketCategories { get; }

    /// <summary>The team's search synonyms (<see cref="SynonymSet.FileName"/>).</summary>
    public SynonymSet Synonyms { get; init; } = SynonymSet.Empty;

    /// <summary>Moved articles: old path → new path (<see cref="Content.Redirects"/>).</summary>
    public IReadOnlyDictionary<string, string> Redirects { get; init; } = Content.Redirects.Empty;

    /// <summary>Front matter and catalog problems found while loading this commit.</summary>
    public IReadOnlyList<ContentProblem> Problems { get; }

    /// <summary>Warnings from parsing each loaded article, by file: re-used with the article by the next snapshot.</summary>
    internal IReadOnlyDictionary<string, ContentProblem[]> ArticleWarnings { get; }

    /// <summary>Resolves links between articles for the renderer.</summary>
    public LinkIndex Links { get; }

    /// <summary>Articles by tag (any case), for related articles: public ones, or all for the team.</summary>
    public ILookup<string, Article> ArticlesByTag(bool includeInternal) => _byTag[includeInternal ? 1 : 0].Value;

    /// <summary>Articles by ticket category id (related articles): public ones, or all for the team.</summary>
    public ILookup<string, Article> ArticlesByTicketCategory(bool includeInternal) => _byTicketCategory[includeInternal ? 1 : 0].Value;

    private static Lazy<ILookup<string, Article>> Lookup(
        IReadOnlyDictionary<string, Article> articles, bool includeInternal, Func<Article, IEnumerable<string>> keys, StringComparer comparer) =>
        new(() => articles.Values
            .Where(a => includeInternal || a.IsPublic)
            .SelectMany(a => keys(a).Select(key => (Key: key, Article: a)))
            .ToLookup(x => x.Key, x => x.Article, comparer));

    /// <summary>What an empty repository (no commit on the branch yet) serves.</summary>
    public static ContentSnapshot Empty { get; } = CreateEmpty();

    private static ContentSnapshot CreateEmpty()
    {
        var root = new Folder(string.Empty, null);
        return new(
            string.Empty,
            DateTimeOffset.MinValue,
            root,
            FrozenDictionary<string, Article>.Empty,
            new Dictionary<string, Folder>(StringComparer.Ordinal) { [string.Empty] = root }.ToFrozenDictionary(StringComparer.Ordinal),
            FrozenDictionary<string, AssetEntry>.Empty,
            TicketCategoryCatalog.Empty,
            new Dictionary<string, ContentProblem[]>(),
            []);
    }
}
