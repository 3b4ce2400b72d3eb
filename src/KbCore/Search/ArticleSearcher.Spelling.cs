using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KbCore.Search;

/// <summary>
/// Spelling feedback. "Did you mean" when a query finds little; "Showing results for" when it found plenty through
/// corrections of words no visible article contains. Both count only what the caller may see, so internal articles
/// can neither steer a suggestion nor reveal, by its absence, that they contain a word.
/// </summary>
public sealed partial class ArticleSearcher
{
    /// <summary>Fields a word is looked up in to tell whether the articles know it: those the query searches.</summary>
    private static readonly string[] WordFields = [SearchFields.Title, SearchFields.Summary, SearchFields.Headings, SearchFields.Tags, SearchFields.PathWords, SearchFields.Body];

    /// <summary>
    /// "Did you mean": each word replaced by the most common indexed word within two edits, when that word
    /// is rarer. Only public documents' words count for anonymous callers.
    /// </summary>
    private string? Suggest(IndexSearcher searcher, SearchRequest request)
    {
        var words = SearchAnalyzers.Terms(_plain, SearchFields.Body, request.Query).Take(8).ToList();
        var changed = false;
        var suggestion = new List<string>();
        foreach (var word in words)
        {
            var best = word.Length < 4 ? null : ClosestCommonWord(searcher, word, request.IncludeInternal);
            changed |= best is not null && best != word;
            suggestion.Add(best ?? word);
        }

        return changed ? string.Join(' ', suggestion) : null;
    }

    private static string? ClosestCommonWord(IndexSearcher searcher, string word, bool includeInternal)
    {
        var own = Frequency(searcher, new Term(SearchFields.Words, word), includeInternal);
        return Neighbours(searcher, word, 2, includeInternal)
            .Where(n => n.Frequency > own && Math.Abs(n.Word.Length - word.Length) <= 2)
            .OrderByDescending(n => n.Frequency)
            .Select(n => n.Word)
            .FirstOrDefault();
    }

    /// <summary>
    /// The query as the search corrected it: every misspelled word replaced by the closest word of the titles and
    /// headings (as close as the search's own corrections: one edit, two from eight letters; then the most common).
    /// A word is misspelled when no article the caller may see contains it, or when it is no word of the titles and
    /// headings but another spelling of its stem is ("recuring" is stemmed like "recurring", so it finds the right
    /// articles, still misspelled); an inflection of that spelling ("schedule" for "schedules") is no misspelling.
    /// The rest of the text is kept as typed. Null when no word was replaced.
    /// </summary>
    private string? Correct(IndexSearcher searcher, SearchRequest request)
    {
        var replacements = new List<(int Start, int End, string Word)>();
        using (var stream = _plain.GetTokenStream(SearchFields.Body, request.Query))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken() && replacements.Count < SearchQueryBuilder.MaxWords)
            {
                var word = term.ToString();
                var stem = word.Length < SearchQueryBuilder.MinCorrectedLength ? null : SearchAnalyzers.Terms(_english, SearchFields.Body, word).FirstOrDefault();
                if (stem is null || QueryStopWords.Contains(word))
                {
                    continue;
                }

                var stemKnown = IsKnown(searcher, stem, request.IncludeInternal);
                if (stemKnown && Frequency(searcher, new Term(SearchFields.Words, word), request.IncludeInternal) > 0)
                {
                    continue; // a word of the titles and headings, spelled as they spell it
                }

                var closest = Neighbours(searcher, word, SearchQueryBuilder.CorrectionEdits(word), request.IncludeInternal)
                    .Where(n => n.Frequency > 0 && (!stemKnown || IsRespelling(word, stem, n.Word)))
                    .OrderBy(n => n.Edits)
                    .ThenByDescending(n => n.Frequency)
                    .ThenBy(n => n.Word, StringComparer.Ordinal)
                    .Select(n => n.Word)
                    .FirstOrDefault();
                if (closest is not null)
                {
                    replacements.Add((offset.StartOffset, offset.EndOffset, closest));
                }
            }

            stream.End();
        }

        if (replacements.Count == 0)
        {
            return null;
        }

        var corrected = request.Query;
        foreach (var (start, end, word) in Enumerable.Reverse(replacements))
        {
            corrected = string.Concat(corrected.AsSpan(0, start), word, corrected.AsSpan(end));
        }

        return corrected;
    }

    /// <summary>Another spelling of the same stem that is not merely the word with another ending.</summary>
    private bool IsRespelling(string word, string stem, string other) =>
        !other.StartsWith(word, StringComparison.Ordinal) && !word.StartsWith(other, StringComparison.Ordinal) &&
        SearchAnalyzers.Terms(_english, SearchFields.Body, other).FirstOrDefault() == stem;

    /// <summary>Whether an article the caller may see contains the stemmed word in a searched field.</summary>
    private static bool IsKnown(IndexSearcher searcher, string stem, bool includeInternal)
    {
        var terms = WordFields.Select(f => new Term(f, stem)).ToArray();
        if (terms.All(t => searcher.IndexReader.DocFreq(t) == 0))
        {
            return false; // the common case for a typo: no article at all, no search needed
        }

        if (includeInternal)
        {
            return true;
        }

        var anyField = new BooleanQuery();
        foreach (var term in terms)
        {
            anyField.Add(new TermQuery(term), Occur.SHOULD);
        }

        return Count(searcher, anyField, includeInternal) > 0;
    }

    /// <summary>Words of the titles and headings within <paramref name="maxEdits"/> of <paramref name="word"/>, with how many visible articles use them.</summary>
    private static List<(string Word, int Edits, int Frequency)> Neighbours(IndexSearcher searcher, string word, int maxEdits, bool includeInternal)
    {
        // Candidates are whole, unstemmed words of titles and headings: words a reader would recognise.
        if (MultiFields.GetTerms(searcher.IndexReader, SearchFields.Words) is null)
        {
            return [];
        }

        var rewritten = new FuzzyQuery(new Term(SearchFields.Words, word), maxEdits, prefixLength: 1).Rewrite(searcher.IndexReader);
        var candidates = new HashSet<Term>();
        rewritten.ExtractTerms(candidates);
        return candidates
            .Where(c => c.Text != word)
            .Select(c => (Word: c.Text, Edits: SpellingCorrections.Distance(word, c.Text), Frequency: Frequency(searcher, c, includeInternal)))
            .ToList();
    }

    /// <summary>How many articles the caller may see hold <paramref name="term"/>.</summary>
    private static int Frequency(IndexSearcher searcher, Term term, bool includeInternal) =>
        Count(searcher, new TermQuery(term), includeInternal);

    private static int Count(IndexSearcher searcher, Query query, bool includeInternal)
    {
        var restricted = new BooleanQuery { { query, Occur.MUST } };
        if (!includeInternal)
        {
            restricted.Add(new TermQuery(new Term(SearchFields.Visibility, "public")), Occur.MUST);
        }

        var count = new TotalHitCountCollector();
        searcher.Search(restricted, count);
        return count.TotalHits;
    }
}
