using Lucene.Net.Index;
using Lucene.Net.Util;

namespace KbCore.Search;

/// <summary>
/// The article path of a hit from the id's doc values, without loading stored fields: fusion looks up the vector of
/// every candidate. For one searcher; not thread-safe.
/// </summary>
internal sealed class DocPaths(IndexReader reader)
{
    private readonly BytesRef _scratch = new();
    private readonly Dictionary<int, BinaryDocValues?> _values = [];

    public string? Of(int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        if (!_values.TryGetValue(leaf.Ord, out var values))
        {
            values = leaf.AtomicReader.GetBinaryDocValues(SearchFields.Id);
            _values[leaf.Ord] = values;
        }

        if (values is null)
        {
            return null;
        }

        values.Get(doc - leaf.DocBase, _scratch);
        return _scratch.Utf8ToString();
    }
}
