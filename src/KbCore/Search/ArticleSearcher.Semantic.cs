using KbCore.Search.Semantic;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KbCore.Search;

public sealed partial class ArticleSearcher
{
    private const int ExactTitleDepth = 3;
    private static readonly HashSet<string> StoredTitle = [SearchFields.Title];

    /// <summary>
    /// The articles nearest in meaning to the question that the caller may see, as Lucene documents; null when
    /// semantic ranking is off or not ready, or when the question is quoted (the person asked for exact words).
    /// </summary>
    /// <param name="searched">The words the lexical query searched, with their likely corrections.</param>
    private NearestArticles? Nearest(IndexSearcher searcher, SearchRequest request, IReadOnlyList<QueryWord> searched)
    {
        var matrix = semantic?.Matrix;
        if (matrix is null || request.Query.Contains('"', StringComparison.Ordinal) || semantic!.QueryVector(Corrected(request.Query, searched)) is not { } vector)
        {
            return null;
        }

        var nearest = matrix.Nearest(vector, _hybrid.Candidates, request, _hybrid.MinSimilarity);
        var hits = nearest.Where(h => h.Similarity >= nearest[0].Similarity - _hybrid.SimilarityMargin).ToArray();
        var similarity = hits.ToDictionary(h => h.Path, h => h.Similarity, StringComparer.Ordinal);
        var ids = new BooleanQuery();
        foreach (var hit in hits)
        {
            ids.Add(new TermQuery(new Term(SearchFields.Id, hit.Path)), Occur.SHOULD);
        }

        // The vector scan honoured visibility and filters already; Lucene decides again from the index itself.
        var paths = new DocPaths(searcher.IndexReader);
        var docs = new Dictionary<int, float>(hits.Length);
        if (hits.Length > 0)
        {
            foreach (var doc in searcher.Search(Restrict(ids, request), hits.Length).ScoreDocs)
            {
                if (paths.Of(doc.Doc) is { } path && similarity.TryGetValue(path, out var s))
                {
                    docs[doc.Doc] = s;
                }
            }
        }

        return new NearestArticles(matrix, vector, docs, ids, paths);
    }

    /// <summary>
    /// The question as the encoder should read it: each word the index does not know replaced by the spelling the
    /// lexical search corrected it to. The encoder splits "outlok" into meaningless pieces, so without this a typo
    /// would pull the meaning away from the answer the words found (misspelled queries: 26 of 28 in the top 3
    /// instead of 28 before this).
    /// </summary>
    private string Corrected(string query, IReadOnlyList<QueryWord> searched)
    {
        var corrections = searched.Where(w => w.Words.Length > 1).ToDictionary(w => w.Words[0], w => w.Words[1], StringComparer.Ordinal);
        if (corrections.Count == 0)
        {
            return query;
        }

        return string.Join(' ', SearchAnalyzers.Terms(_plain, SearchFields.Body, query).Select(w => corrections.GetValueOrDefault(w, w)));
    }

    private List<FusedHit> Fuse(IndexSearcher searcher, string query, ScoreDoc[] lexical, NearestArticles nearest, HashSet<int> nearestMatchedByWords)
    {
        var byWords = lexical.Select(h => h.Doc).ToHashSet();
        byWords.UnionWith(nearestMatchedByWords);
        var fused = HybridRanker.Fuse(
            lexical,
            nearest.Docs,
            byWords,
            doc => nearest.Paths.Of(doc) is { } path ? nearest.Matrix.Similarity(nearest.Vector, path) : null,
            _hybrid).ToList();
        KeepExactTitleFirst(searcher, query, lexical, fused);
        return fused;
    }

    /// <summary>
    /// Someone who types an article's title wants that article: it stays first whatever the vectors say (exact-title
    /// queries found their article first 243 times of 245 by words, 236 fused, before this).
    /// </summary>
    private void KeepExactTitleFirst(IndexSearcher searcher, string query, ScoreDoc[] lexical, List<FusedHit> fused)
    {
        var asked = SearchAnalyzers.Terms(_plain, SearchFields.Title, query);
        foreach (var hit in lexical.Take(ExactTitleDepth))
        {
            var title = searcher.Doc(hit.Doc, StoredTitle).Get(SearchFields.Title, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            if (SearchAnalyzers.Terms(_plain, SearchFields.Title, title).SequenceEqual(asked, StringComparer.Ordinal))
            {
                var at = fused.FindIndex(h => h.Doc == hit.Doc);
                if (at > 0)
                {
                    var pinned = fused[at] with { Score = fused[0].Score };
                    fused.RemoveAt(at);
                    fused.Insert(0, pinned);
                }

                return;
            }
        }
    }

    /// <summary>One question's semantic candidates: their documents with similarities, and the id query that admits them.</summary>
    private sealed record NearestArticles(VectorMatrix Matrix, float[] Vector, IReadOnlyDictionary<int, float> Docs, Query Ids, DocPaths Paths);
}
