using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace KbCore.Search;

/// <summary>
/// Counts facet values over every matching document while passing each one on to the collector of the best hits
/// (Lucene.Net.Facet is not available). Counts are per segment by doc-values ordinal, so nothing is loaded and no
/// string is made per hit; only the ordinals that occurred become strings at the end. Counting inside the search
/// makes the counts exact however many articles match, and the best-hits collector only keeps the page it needs.
/// </summary>
internal sealed class FacetCollector : ICollector
{
    private readonly ICollector _inner;
    private readonly IReadOnlyList<string> _fields;
    private readonly List<(SortedSetDocValues Values, int[] Counts)>[] _segments;
    private readonly (SortedSetDocValues Values, int[] Counts)?[] _current;

    public FacetCollector(ICollector inner, IReadOnlyList<string> fields)
    {
        _inner = inner;
        _fields = fields;
        _segments = [.. fields.Select(_ => new List<(SortedSetDocValues, int[])>())];
        _current = new (SortedSetDocValues, int[])?[fields.Count];
    }

    public bool AcceptsDocsOutOfOrder => _inner.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => _inner.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        _inner.SetNextReader(context);
        for (var i = 0; i < _fields.Count; i++)
        {
            _current[i] = null;
            if (context.AtomicReader.GetSortedSetDocValues(_fields[i]) is { } values)
            {
                var segment = (values, new int[checked((int)values.ValueCount)]);
                _segments[i].Add(segment);
                _current[i] = segment;
            }
        }
    }

    public void Collect(int doc)
    {
        _inner.Collect(doc);
        foreach (var segment in _current)
        {
            if (segment is not { } current)
            {
                continue; // the field has no values in this segment
            }

            var (values, counts) = current;
            values.SetDocument(doc);
            for (var ord = values.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = values.NextOrd())
            {
                counts[ord]++;
            }
        }
    }

    /// <summary>Each field's most frequent values, at most <paramref name="maxValues"/>, most frequent first.</summary>
    public Dictionary<string, IReadOnlyList<FacetCount>> Counts(int maxValues)
    {
        var result = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        var bytes = new BytesRef();
        for (var i = 0; i < _fields.Count; i++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (values, segmentCounts) in _segments[i])
            {
                for (var ord = 0; ord < segmentCounts.Length; ord++)
                {
                    if (segmentCounts[ord] == 0)
                    {
                        continue;
                    }

                    values.LookupOrd(ord, bytes);
                    var value = bytes.Utf8ToString();
                    if (value.Length > 0)
                    {
                        counts[value] = counts.GetValueOrDefault(value) + segmentCounts[ord];
                    }
                }
            }

            result[_fields[i]] = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Take(maxValues).Select(c => new FacetCount(c.Key, c.Value)).ToArray();
        }

        return result;
    }
}
