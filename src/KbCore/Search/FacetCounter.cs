using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KbCore.Search;

/// <summary>
/// Facet counts over the matching documents, read from doc values (Lucene.Net.Facet is not available).
/// Doc values avoid loading stored documents, which would dominate query time.
/// </summary>
internal static class FacetCounter
{
    public static Dictionary<string, IReadOnlyList<FacetCount>> Count(IndexSearcher searcher, ScoreDoc[] hits, IReadOnlyList<string> fields, int maxValues)
    {
        var leaves = searcher.IndexReader.Leaves;
        var result = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var perLeaf = new SortedSetDocValues?[leaves.Count];
            for (var i = 0; i < leaves.Count; i++)
            {
                perLeaf[i] = ((AtomicReader)leaves[i].Reader).GetSortedSetDocValues(field);
            }

            var bytes = new BytesRef();
            foreach (var hit in hits)
            {
                var leaf = ReaderUtil.SubIndex(hit.Doc, leaves);
                var values = perLeaf[leaf];
                if (values is null)
                {
                    continue;
                }

                values.SetDocument(hit.Doc - leaves[leaf].DocBase);
                for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
                {
                    values.LookupOrd(ord, bytes);
                    var value = bytes.Utf8ToString();
                    if (value.Length > 0)
                    {
                        counts[value] = counts.GetValueOrDefault(value) + 1;
                    }
                }
            }

            result[field] = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Take(maxValues).Select(c => new FacetCount(c.Key, c.Value)).ToArray();
        }

        return result;
    }
}
