using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KbCore.Search;

/// <summary>
/// Likely intended words for a misspelled one: the closest words (fewest edits, then most common) of the
/// articles' unstemmed vocabulary. Matching is done on words as typed, not on stems: the stem of a misspelling
/// is unpredictable ("sensitivty" → "sensitivti", but "sensitivity" → "sensit"), so stems of typos and of the
/// words they mean are often more edits apart than the words themselves.
/// </summary>
internal static class SpellingCorrections
{
    public static List<string> For(string word, int maxEdits, IndexReader reader, int limit)
    {
        var rewritten = new FuzzyQuery(new Term(SearchFields.Words, word), maxEdits, prefixLength: 1).Rewrite(reader);
        var candidates = new HashSet<Term>();
        rewritten.ExtractTerms(candidates);
        return candidates
            .Select(t => t.Text)
            .Where(t => t != word)
            .Select(t => (Text: t, Edits: Distance(word, t), Freq: reader.DocFreq(new Term(SearchFields.Words, t))))
            .Where(c => c.Edits <= maxEdits)
            .OrderBy(c => c.Edits)
            .ThenByDescending(c => c.Freq)
            .ThenBy(c => c.Text, StringComparer.Ordinal)
            .Take(limit)
            .Select(c => c.Text)
            .ToList();
    }

    /// <summary>Edits between two words, an adjacent swap counting as one (as Lucene's fuzzy matching does).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
