using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KbCore.Search;

public sealed partial class ArticleSearcher
{
    /// <summary>How many completions are offered at most.</summary>
    public const int MaxCompletions = 8;

    private static readonly HashSet<string> StoredForCompletions = [SearchFields.Id, SearchFields.Title];

    /// <summary>Fields a completion may match outside its title, and how much each weighs.</summary>
    private static readonly (string Field, float Boost)[] CompletionFields =
    [
        (SearchFields.Headings, 3f),
        (SearchFields.Summary, 2f),
        (SearchFields.Tags, 2f),
        (SearchFields.Body, 1f),
    ];

    /// <summary>
    /// Article titles for what is being typed, best first, in three tiers: articles whose title has a word starting
    /// with each word typed; then articles whose headings, summary, tags or body have every word (the last one as a
    /// prefix); then, when those are too few, titles and headings with words a typo away. Each tier is ranked by
    /// Lucene's score, and no article appears twice.
    /// </summary>
    public IReadOnlyList<(string Path, string Title)> Autocomplete(string prefix, bool includeInternal, int limit = MaxCompletions)
    {
        var words = SearchAnalyzers.Terms(_plain, SearchFields.Title, prefix ?? string.Empty).Take(8).ToList();
        if (words.Count == 0 || words[^1].Length < SearchAnalyzers.MinGram)
        {
            return [];
        }

        limit = Math.Clamp(limit, 1, MaxCompletions);
        var visibility = new SearchRequest(string.Empty, IncludeInternal: includeInternal);
        return index.WithSearcher<IReadOnlyList<(string, string)>>(searcher =>
        {
            var found = new List<int>(limit);
            foreach (var tier in CompletionTiers(words))
            {
                if (found.Count >= limit)
                {
                    break;
                }

                var top = searcher.Search(Restrict(tier, visibility), limit + found.Count);
                found.AddRange(top.ScoreDocs.Select(h => h.Doc).Where(d => !found.Contains(d)).Take(limit - found.Count));
            }

            return found.Select(d =>
            {
                var doc = searcher.Doc(d, StoredForCompletions);
                return (doc.Get(SearchFields.Id, CultureInfo.InvariantCulture), doc.Get(SearchFields.Title, CultureInfo.InvariantCulture));
            }).ToArray();
        }) ?? [];
    }

    /// <summary>The three tiers' queries, built lazily: the later ones only run when the earlier ones found too little.</summary>
    private IEnumerable<Query> CompletionTiers(List<string> words)
    {
        // Every word the start of a title word: "short" finds "Keyboard shortcuts".
        var titles = new BooleanQuery();
        foreach (var word in words)
        {
            titles.Add(TitleGram(word), Occur.MUST);
        }

        yield return titles;

        // Every word somewhere else: as typed, stemmed ("shortcuts" is indexed as "shortcut"), the last also as a prefix.
        var elsewhere = new BooleanQuery();
        for (var i = 0; i < words.Count; i++)
        {
            var stem = SearchAnalyzers.Terms(_english, SearchFields.Body, words[i]).FirstOrDefault();
            var isLast = i == words.Count - 1;
            if (stem is null && !isLast)
            {
                continue; // a stop word ("how", "to"): required nowhere
            }

            var anyField = new BooleanQuery(disableCoord: true);
            foreach (var (field, boost) in CompletionFields)
            {
                if (stem is not null)
                {
                    anyField.Add(new TermQuery(new Term(field, stem)) { Boost = boost }, Occur.SHOULD);
                }

                // Prefixes of three letters and more: two letters expand to too much of the vocabulary to be useful.
                if (isLast && words[i].Length >= 3)
                {
                    anyField.Add(new PrefixQuery(new Term(field, words[i])) { Boost = boost * 0.5f }, Occur.SHOULD);
                }
            }

            if (anyField.Clauses.Count > 0)
            {
                elsewhere.Add(anyField, Occur.MUST);
            }
        }

        if (elsewhere.Clauses.Count > 0)
        {
            yield return elsewhere;
        }

        // A typo away: words of titles and headings as close as the search's own corrections.
        var fuzzy = new BooleanQuery();
        foreach (var word in words)
        {
            var close = new BooleanQuery(disableCoord: true) { { TitleGram(word), Occur.SHOULD } };
            if (word.Length >= SearchQueryBuilder.MinCorrectedLength)
            {
                close.Add(new FuzzyQuery(new Term(SearchFields.Words, word), SearchQueryBuilder.CorrectionEdits(word), prefixLength: 1), Occur.SHOULD);
            }

            fuzzy.Add(close, Occur.MUST);
        }

        yield return fuzzy;
    }

    private static TermQuery TitleGram(string word) =>
        new(new Term(SearchFields.TitlePrefix, word.Length > SearchAnalyzers.MaxGram ? word[..SearchAnalyzers.MaxGram] : word));
}
