using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace KbCore.Search;

/// <summary>
/// Turns free text into a Lucene query without a query parser, so no input is a syntax error.
/// Each word may match anywhere (title, summary, headings, tags, body, path), exactly or stemmed,
/// or as the closest known word when it looks misspelled; in a one- or two-word query the last word may also be a prefix (as-you-type).
/// Titles weigh more; <see cref="TitleCoverageRescorer"/> then reorders the best hits.
/// </summary>
internal static class SearchQueryBuilder
{
    public const int MaxWords = 24;

    /// <summary>Shorter words are never corrected: too many real words are one edit apart.</summary>
    public const int MinCorrectedLength = 4;

    /// <summary>A word in fewer articles than this may be a typo, so fuzzy variants are added.</summary>
    private const int RareWordDocs = 3;

    /// <summary>How many spellings of a rare word are tried, and how much a match on one weighs against the word as typed.</summary>
    private const int MaxCorrections = 2;
    private const float CorrectionWeight = 0.8f;

    /// <summary>A word in fewer articles than this may still be a typo when a word one edit away is far more common.</summary>
    private const int PossibleTypoDocs = 10;
    private const int MorePopularRatio = 20;
    private const float MorePopularWeight = 0.1f;

    /// <summary>How much a match on one of the team's synonyms weighs against the word as typed.</summary>
    private const float SynonymWeight = 1f;

    private static readonly (string Field, float Boost)[] Fields =
    [
        (SearchFields.Title, 3f),
        (SearchFields.Summary, 2f),
        (SearchFields.Headings, 1.5f),
        (SearchFields.Tags, 2f),
        (SearchFields.PathWords, 1.5f),
        (SearchFields.Body, 1f),
    ];

    /// <summary>The query, or null when the text has no searchable word.</summary>
    /// <param name="searched">When given, receives each searched word with its corrections (for the second phase).</param>
    /// <param name="correct">False searches the words as typed, without spelling corrections ("Search instead for").</param>
    public static Query? Build(string text, Analyzer english, Analyzer plain, IndexReader reader, SynonymSet synonyms, ICollection<QueryWord>? searched = null, bool correct = true)
    {
        ArgumentNullException.ThrowIfNull(synonyms);

        // Each word once, and customer phrasing ("why does my ...", "how do I ...") dropped before the cap: it says
        // nothing about the topic, and a long ticket description must not spend the cap on filler.
        var ordered = SearchAnalyzers.Terms(plain, SearchFields.Body, text);
        var synonymsByStem = synonyms.Matcher.Match(ordered);
        var all = ordered.Distinct(StringComparer.Ordinal).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        var content = all.Where(w => !QueryStopWords.Contains(w)).ToList();
        var words = (content.Count > 0 ? content : all).Take(MaxWords).ToList();

        var clauses = new List<Query>();
        for (var i = 0; i < words.Count; i++)
        {
            var stem = SearchAnalyzers.Terms(english, SearchFields.Body, words[i]).FirstOrDefault();
            var corrections = stem is null || !correct ? [] : Corrections(words[i], stem, reader, english).ToList();
            var alternatives = stem is null ? [] : synonymsByStem.GetValueOrDefault(stem) ?? [];
            if (stem is not null)
            {
                searched?.Add(new QueryWord([words[i], .. corrections.Select(c => c.Word)], [stem, .. corrections.Select(c => c.Stem)], [.. alternatives]));
            }

            // As-you-type matters for the first words typed; in a full question a prefix only adds noise.
            var isLast = i == words.Count - 1 && words.Count <= 2;
            var group = WordQuery(words[i], stem, corrections, alternatives, isLast);
            if (group is not null)
            {
                clauses.Add(group);
            }
        }

        if (clauses.Count == 0)
        {
            return null; // only stop words ("how to", "the")
        }

        // Any word may match: requiring most words (tried: 60 %) lost answers phrased differently from the
        // question (MRR@10 0.59 vs 0.77 on the judged set). Coordination still ranks fuller matches first, and
        // steeply (see KbSimilarity).
        var anyWord = new BooleanQuery();
        foreach (var clause in clauses)
        {
            anyWord.Add(clause, Occur.SHOULD);
        }

        // No phrase clauses: title and body phrases of the question changed no rank on the judged set (customer
        // questions rarely repeat an article's wording), and cost time. Title coverage is a second phase instead.
        return anyWord;
    }

    private static BooleanQuery? WordQuery(string word, string? stem, List<(string Word, string Stem, float Weight)> corrections, List<SynonymPhrase> synonyms, bool isLast)
    {
        var group = new BooleanQuery(disableCoord: true);
        if (stem is not null)
        {
            foreach (var (field, boost) in Fields)
            {
                group.Add(new TermQuery(new Term(field, stem)) { Boost = boost }, Occur.SHOULD);
            }

            // Typos: the closest words of the articles' vocabulary (one edit for short words, two for long ones),
            // searched like the word itself but weighing less. Never for very short words, and only for words the
            // articles rarely use: a common word is spelled right, and expanding it costs time.
            foreach (var correction in corrections)
            {
                var alternative = new BooleanQuery(disableCoord: true) { Boost = correction.Weight };
                foreach (var (field, boost) in Fields)
                {
                    alternative.Add(new TermQuery(new Term(field, correction.Stem)) { Boost = boost }, Occur.SHOULD);
                }

                group.Add(alternative, Occur.SHOULD);
            }

            // The team's synonyms ("away message" for "automatic replies"): what the articles call the same thing,
            // so a match counts as this word being found, for coordination too.
            foreach (var synonym in synonyms)
            {
                var alternative = new BooleanQuery(disableCoord: true) { Boost = SynonymWeight };
                foreach (var (field, boost) in Fields)
                {
                    var query = PhraseOf(field, synonym);
                    query.Boost = boost;
                    alternative.Add(query, Occur.SHOULD);
                }

                group.Add(alternative, Occur.SHOULD);
            }
        }

        // As-you-type: the word being typed may be the start of a longer one.
        if (isLast && word.Length >= SearchAnalyzers.MinGram)
        {
            var prefix = word.Length > SearchAnalyzers.MaxGram ? word[..SearchAnalyzers.MaxGram] : word;
            group.Add(new TermQuery(new Term(SearchFields.TitlePrefix, prefix)) { Boost = 2f }, Occur.SHOULD);
        }

        return group.Clauses.Count == 0 ? null : group;
    }

    private static Query PhraseOf(string field, SynonymPhrase synonym)
    {
        if (synonym.Stems.Length == 1)
        {
            return new TermQuery(new Term(field, synonym.Stems[0]));
        }

        var phrase = new PhraseQuery();
        for (var i = 0; i < synonym.Stems.Length; i++)
        {
            phrase.Add(new Term(field, synonym.Stems[i]), synonym.Positions[i]);
        }

        return phrase;
    }

    /// <summary>Likely intended spellings of a rarely used word, with their stems and weights; none for a common word.</summary>
    private static IEnumerable<(string Word, string Stem, float Weight)> Corrections(string word, string stem, IndexReader reader, Analyzer english)
    {
        if (word.Length < MinCorrectedLength)
        {
            return [];
        }

        var articles = reader.DocFreq(new Term(SearchFields.Body, stem));
        if (articles < RareWordDocs)
        {
            return Spellings(word, stem, CorrectionEdits(word), MaxCorrections, reader, english)
                .Select(c => (c.Word, c.Stem, CorrectionWeight));
        }

        // The articles' own typos ("calender" is in 3 of them) make a misspelling look like a real word. A word one
        // edit from a far more common one gets that one too, weighing so little that it barely moves the score but
        // counts as a matched word for coordination: enough to lift "calender sharing" to the calendar-sharing
        // article, too little to let every calendar article bury "calender reminders" (tried at 0.3 and more).
        if (articles >= PossibleTypoDocs || word.Length < 5)
        {
            return [];
        }

        return Spellings(word, stem, 1, 1, reader, english)
            .Where(c => reader.DocFreq(new Term(SearchFields.Body, c.Stem)) >= articles * MorePopularRatio)
            .Select(c => (c.Word, c.Stem, MorePopularWeight));
    }

    /// <summary>How far a correction of a rare word may be: one edit, two from eight letters.</summary>
    public static int CorrectionEdits(string word) => word.Length >= 8 ? 2 : 1;

    private static IEnumerable<(string Word, string Stem)> Spellings(string word, string stem, int maxEdits, int limit, IndexReader reader, Analyzer english)
    {
        foreach (var correction in SpellingCorrections.For(word, maxEdits, reader, limit))
        {
            if (SearchAnalyzers.Terms(english, SearchFields.Body, correction).FirstOrDefault() is { } fixedStem && fixedStem != stem)
            {
                yield return (correction, fixedStem);
            }
        }
    }
}
