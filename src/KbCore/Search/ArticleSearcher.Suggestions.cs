using System.Globalization;
using KbCore.Search.Semantic;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KbCore.Search;

public sealed partial class ArticleSearcher
{
    /// <summary>How many text matches and how many category members compete for a suggestion.</summary>
    private const int SuggestionCandidates = 50;

    /// <summary>
    /// Added to the text score (scaled so the best text match is 1) for an article linked to the ticket's category:
    /// a linked article that also matches the text beats a slightly better unlinked one, and a linked article
    /// matching nothing still beats a weak text match.
    /// </summary>
    private const double CategoryBonus = 0.5;

    private static readonly HashSet<string> StoredForSuggestions = [SearchFields.Id, SearchFields.Title, SearchFields.Passage];
    private static readonly HashSet<string> StoredCategories = [SearchFields.TicketCategory];

    /// <summary>Articles for a ticket: text relevance of its subject and description, boosted for its category's articles.</summary>
    public IReadOnlyList<Suggestion> Suggest(SuggestionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var visibility = new SearchRequest(string.Empty, IncludeInternal: request.IncludeInternal);
        var limit = Math.Clamp(request.Limit, 1, SuggestionRequest.MaxLimit);
        return index.WithSearcher<IReadOnlyList<Suggestion>>(searcher =>
        {
            var searched = new List<QueryWord>();
            var question = visibility with { Query = QueryText.Normalize(request.Text) };
            var text = SearchQueryBuilder.Build(question.Query, _english, _plain, searcher.IndexReader, index.Synonyms, searched);
            var nearest = Nearest(searcher, question, searched);
            var textScores = new Dictionary<int, (double Score, HitMatch Match)>();
            var terms = new HashSet<string>(StringComparer.Ordinal);
            var rewritten = text is null ? null : searcher.Rewrite(text);
            var lexical = Array.Empty<ScoreDoc>();
            if (rewritten is not null)
            {
                terms = MatchedTerms(rewritten);
                var top = searcher.Search(Restrict(rewritten, visibility), SuggestionCandidates);
                lexical = TitleCoverageRescorer.Rescore(searcher, top.ScoreDocs, searched);
            }

            // Ticket subjects are natural language: the nearest articles compete with the text matches, fused as in search.
            var ranked = nearest is null
                ? lexical.Select(h => new FusedHit(h.Doc, h.Score, HitMatch.Words)).ToList()
                : Fuse(searcher, question.Query, lexical, nearest, rewritten is null ? [] : WordsMatch(searcher, rewritten, nearest));
            var best = ranked.Count > 0 ? Math.Max(ranked.Max(h => h.Score), float.Epsilon) : 1f;
            foreach (var hit in ranked.Take(SuggestionCandidates).Where(h => h.Score > 0))
            {
                textScores[hit.Doc] = (hit.Score / best, hit.Match);
            }

            var candidates = textScores.Keys.ToHashSet();
            if (!string.IsNullOrWhiteSpace(request.TicketCategory))
            {
                var members = searcher.Search(Restrict(new TermQuery(new Term(SearchFields.TicketCategory, request.TicketCategory)), visibility), SuggestionCandidates);
                candidates.UnionWith(members.ScoreDocs.Select(h => h.Doc));
            }

            // Rank on the category field alone; only the suggestions shown load text and build snippets.
            return candidates
                .Select(doc => (Doc: doc, Text: textScores.GetValueOrDefault(doc), Linked: IsLinked(searcher, doc, request.TicketCategory)))
                .Where(c => c.Text.Score > 0 || c.Linked)
                .Select(c => (c.Doc, c.Text.Match, c.Linked, Score: Math.Round(c.Text.Score + (c.Linked ? CategoryBonus : 0), 4)))
                .OrderByDescending(c => c.Score)
                .ThenBy(c => c.Doc)
                .Take(limit)
                .Select(c => ToSuggestion(searcher.Doc(c.Doc, StoredForSuggestions), c.Score, c.Match, c.Linked, terms))
                .ToArray();
        }) ?? [];
    }

    private static bool IsLinked(IndexSearcher searcher, int doc, string? category) =>
        category is not null && searcher.Doc(doc, StoredCategories).GetValues(SearchFields.TicketCategory, CultureInfo.InvariantCulture).Contains(category, StringComparer.Ordinal);

    /// <summary>Which of the nearest articles the ticket's words match too (a "text" reason beside "meaning").</summary>
    private static HashSet<int> WordsMatch(IndexSearcher searcher, Query words, NearestArticles nearest)
    {
        if (nearest.Docs.Count == 0)
        {
            return [];
        }

        var both = new BooleanQuery { { words, Occur.MUST }, { nearest.Ids, Occur.MUST } };
        return [.. searcher.Search(both, nearest.Docs.Count).ScoreDocs.Select(h => h.Doc)];
    }

    private Suggestion ToSuggestion(Lucene.Net.Documents.Document doc, double score, HitMatch match, bool linked, HashSet<string> terms)
    {
        var why = new List<string>(3);
        if (linked)
        {
            why.Add("category");
        }

        if (match.HasFlag(HitMatch.Words))
        {
            why.Add("text");
        }

        if (match.HasFlag(HitMatch.Meaning))
        {
            why.Add("meaning");
        }

        return new Suggestion(
            doc.Get(SearchFields.Id, CultureInfo.InvariantCulture),
            doc.Get(SearchFields.Title, CultureInfo.InvariantCulture),
            SnippetBuilder.Build(_english, doc.Get(SearchFields.Passage, CultureInfo.InvariantCulture) ?? string.Empty, terms),
            score,
            why);
    }
}
