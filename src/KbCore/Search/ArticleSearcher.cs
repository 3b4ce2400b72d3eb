using System.Collections.Concurrent;
using System.Globalization;
using KbCore.Search.Semantic;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KbCore.Search;

/// <summary>
/// Searches the index: words through Lucene, meaning through <see cref="SemanticIndex"/> once its vectors are ready,
/// the two fused (<see cref="HybridRanker"/>). Nearest articles join the Lucene query by id, so visibility and filters
/// are clauses of the query itself for both: internal articles never reach results, counts, facets or suggestions
/// for anonymous callers. Thread-safe.
/// </summary>
public sealed partial class ArticleSearcher(SearchIndex index, SemanticIndex? semantic = null, HybridOptions? hybrid = null)
{
    private const int MaxFacetValues = 10;

    private static readonly string[] FacetFields = [SearchFields.Category, SearchFields.Tag, SearchFields.TicketCategory];
    private static readonly HashSet<string> StoredForHits = [SearchFields.Id, SearchFields.Title, SearchFields.Summary, SearchFields.Passage, SearchFields.Category];

    // Same query, same commit, same answer: popular questions are answered from memory.
    private const int MaxCachedResponses = 4_000;

    private readonly ConcurrentDictionary<(string? Commit, int Vectors, SearchRequest Request), SearchResponse> _responses = new();
    private readonly HybridOptions _hybrid = hybrid ?? HybridOptions.Default;
    private readonly Analyzer _english = SearchAnalyzers.English();
    private readonly Analyzer _plain = SearchAnalyzers.Plain();

    /// <param name="useCache">False measures or forces a fresh search; answers are otherwise cached per indexed commit.</param>
    public SearchResponse Search(SearchRequest request, bool useCache = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        var normalized = request with { Query = QueryText.Normalize(request.Query) };
        var key = (index.IndexedCommit, semantic?.Generation ?? 0, normalized);
        if (!useCache)
        {
            return SearchUncached(normalized);
        }

        if (_responses.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var response = SearchUncached(normalized);
        if (_responses.Count >= MaxCachedResponses)
        {
            _responses.Clear();
        }

        _responses[key] = response;
        return response;
    }

    private SearchResponse SearchUncached(SearchRequest request) =>
        index.WithSearcher(searcher =>
        {
            var (response, wordMatches) = Run(searcher, request);
            if (wordMatches < 3)
            {
                return response with { DidYouMean = Suggest(searcher, request) };
            }

            // Plenty of results, found through corrected spellings: say so, as a typed field the page shows.
            return request.AsTyped ? response : response with { CorrectedQuery = Correct(searcher, request) };
        }) ?? SearchResponse.Empty;

    /// <summary>The synonym lines a search for <paramref name="query"/> uses now (those of the indexed commit).</summary>
    public IReadOnlyList<SynonymUse> SynonymsUsedBy(string query) => index.Synonyms.UsesIn(query);

    /// <returns>The page, and how many articles the words matched (the nearest articles aside).</returns>
    private (SearchResponse Response, int WordMatches) Run(IndexSearcher searcher, SearchRequest request)
    {
        var searched = new List<QueryWord>();
        var query = SearchQueryBuilder.Build(request.Query, _english, _plain, searcher.IndexReader, index.Synonyms, searched, correct: !request.AsTyped);
        var nearest = Nearest(searcher, request, searched);
        if (query is null && nearest is null)
        {
            return (SearchResponse.Empty, 0);
        }

        // Rewrite once (fuzzy and prefix expansion is the expensive part) and use it for both hits and snippets.
        var rewritten = query is null ? null : searcher.Rewrite(query);
        var filtered = Restrict(Matching(rewritten, nearest), request);
        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var page = Math.Clamp(request.Page, 1, 1000);
        var best = TopScoreDocCollector.Create(Math.Max(page * pageSize, TitleCoverageRescorer.Depth), docsScoredInOrder: false);
        var words = new LexicalMatchCounter(best, nearest?.Docs.Keys.ToHashSet() ?? []);
        var facets = new FacetCollector(words, FacetFields);
        searcher.Search(filtered, facets);
        var top = best.GetTopDocs();
        var lexical = TitleCoverageRescorer.Rescore(searcher, [.. top.ScoreDocs.Where(h => h.Score > 0)], searched);
        var ranked = nearest is null
            ? lexical.Select(h => new FusedHit(h.Doc, h.Score, HitMatch.Words)).ToList()
            : Fuse(searcher, request.Query, lexical, nearest, words.WatchedMatches);
        var terms = rewritten is null ? [] : MatchedTerms(rewritten);
        var hits = ranked.Skip((page - 1) * pageSize).Take(pageSize).Select(hit =>
        {
            var doc = searcher.Doc(hit.Doc, StoredForHits);
            return new SearchHit(
                doc.Get(SearchFields.Id, CultureInfo.InvariantCulture),
                doc.Get(SearchFields.Title, CultureInfo.InvariantCulture),
                doc.Get(SearchFields.Summary, CultureInfo.InvariantCulture) ?? string.Empty,
                SnippetBuilder.Build(_english, doc.Get(SearchFields.Passage, CultureInfo.InvariantCulture) ?? string.Empty, terms),
                doc.Get(SearchFields.Category, CultureInfo.InvariantCulture) ?? string.Empty,
                hit.Score,
                hit.Match);
        }).ToArray();
        return (new SearchResponse(top.TotalHits, hits, facets.Counts(MaxFacetValues), null), words.Count);
    }

    /// <summary>What the question's words match, or the nearest articles by id: one query, so one set of filters applies to both.</summary>
    private static Query Matching(Query? words, NearestArticles? nearest)
    {
        if (nearest is null || nearest.Docs.Count == 0)
        {
            return words ?? new BooleanQuery();
        }

        var matching = new BooleanQuery(disableCoord: true);
        if (words is not null)
        {
            matching.Add(words, Occur.SHOULD);
        }

        matching.Add(new ConstantScoreQuery(nearest.Ids) { Boost = 0 }, Occur.SHOULD);
        return matching;
    }

    /// <summary>Adds the visibility and facet filters as required clauses that do not change scores.</summary>
    private static BooleanQuery Restrict(Query query, SearchRequest request)
    {
        var restricted = new BooleanQuery { { query, Occur.MUST } };
        if (!request.IncludeInternal)
        {
            restricted.Add(new TermQuery(new Term(SearchFields.Visibility, "public")) { Boost = 0 }, Occur.MUST);
        }

        AddFilter(restricted, SearchFields.Category, request.Category);
        AddFilter(restricted, SearchFields.Tag, request.Tag?.ToLowerInvariant());
        AddFilter(restricted, SearchFields.TicketCategory, request.TicketCategory);
        return restricted;
    }

    private static void AddFilter(BooleanQuery query, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add(new TermQuery(new Term(field, value.Trim())) { Boost = 0 }, Occur.MUST);
        }
    }

    /// <summary>The index terms the query matched, fuzzy and prefix expansions included, for snippets.</summary>
    private static HashSet<string> MatchedTerms(Query rewritten)
    {
        var terms = new HashSet<Term>();
        try
        {
            rewritten.ExtractTerms(terms);
        }
        catch (NotSupportedException)
        {
            // A query kind without term extraction: snippets fall back to the passage start.
        }

        return terms.Where(t => t.Field == SearchFields.Body || t.Field == SearchFields.Title).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
    }
}
