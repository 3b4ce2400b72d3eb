using System.Globalization;
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
            var text = SearchQueryBuilder.Build(QueryText.Normalize(request.Text), _english, _plain, searcher.IndexReader, index.Synonyms, searched);
            var textScores = new Dictionary<int, double>();
            var terms = new HashSet<string>(StringComparer.Ordinal);
            if (text is not null)
            {
                var rewritten = searcher.Rewrite(text);
                terms = MatchedTerms(rewritten);
                var top = searcher.Search(Restrict(rewritten, visibility), SuggestionCandidates);
                var ranked = TitleCoverageRescorer.Rescore(searcher, top.ScoreDocs, searched);
                var best = ranked.Length > 0 ? ranked.Max(h => h.Score) : 1f;
                foreach (var hit in ranked)
                {
                    textScores[hit.Doc] = hit.Score / best;
                }
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
                .Where(c => c.Text > 0 || c.Linked)
                .Select(c => (c.Doc, c.Text, c.Linked, Score: Math.Round(c.Text + (c.Linked ? CategoryBonus : 0), 4)))
                .OrderByDescending(c => c.Score)
                .ThenBy(c => c.Doc)
                .Take(limit)
                .Select(c => ToSuggestion(searcher.Doc(c.Doc, StoredForSuggestions), c.Score, c.Text > 0, c.Linked, terms))
                .ToArray();
        }) ?? [];
    }

    private static bool IsLinked(IndexSearcher searcher, int doc, string? category) =>
        category is not null && searcher.Doc(doc, StoredCategories).GetValues(SearchFields.TicketCategory, CultureInfo.InvariantCulture).Contains(category, StringComparer.Ordinal);

    private Suggestion ToSuggestion(Lucene.Net.Documents.Document doc, double score, bool textMatch, bool linked, HashSet<string> terms)
    {
        var why = new List<string>(2);
        if (linked)
        {
            why.Add("category");
        }

        if (textMatch)
        {
            why.Add("text");
        }

        return new Suggestion(
            doc.Get(SearchFields.Id, CultureInfo.InvariantCulture),
            doc.Get(SearchFields.Title, CultureInfo.InvariantCulture),
            SnippetBuilder.Build(_english, doc.Get(SearchFields.Passage, CultureInfo.InvariantCulture) ?? string.Empty, terms),
            score,
            why);
    }
}
