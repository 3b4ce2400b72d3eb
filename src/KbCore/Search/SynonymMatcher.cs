using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KbCore.Search;

/// <summary>
/// <see cref="SynonymSet"/> rules analyzed like the index. Terms are compared word by word on each word's stem (a
/// stop word as itself, so "not responding" never matches plain "responding"), and found anywhere in the question.
/// </summary>
internal sealed class SynonymMatcher
{
    /// <summary>How many synonyms one question word may gain: the rest of a huge equivalence adds cost, not answers.</summary>
    private const int MaxPerWord = 8;

    // Shared by every set: analyzers are thread-safe, and one pair per commit's synonyms would pile up per-thread state.
    private static readonly Analyzer English = SearchAnalyzers.English();
    private static readonly Analyzer Plain = SearchAnalyzers.Plain();
    private readonly Dictionary<string, List<Entry>> _byFirstKey = new(StringComparer.Ordinal);

    public SynonymMatcher(IReadOnlyList<SynonymRule> rules)
    {
        foreach (var rule in rules)
        {
            var to = rule.To.Select(t => (Text: t, Keys: Keys(t), Phrase: Phrase(t))).Where(t => t.Phrase.Stems.Length > 0).ToArray();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var from in rule.From)
            {
                // "crash, crashes": one word to search, so one entry (and one line shown as used).
                var keys = Keys(from);
                if (!seen.Add(string.Join(' ', keys)))
                {
                    continue;
                }

                var alternatives = to.Where(t => !t.Keys.SequenceEqual(keys)).ToArray();
                if (keys.Length > 0 && alternatives.Length > 0)
                {
                    if (!_byFirstKey.TryGetValue(keys[0], out var entries))
                    {
                        _byFirstKey[keys[0]] = entries = [];
                    }

                    entries.Add(new Entry(keys, [.. alternatives.Select(a => a.Phrase)], new SynonymUse(from, [.. alternatives.Select(a => a.Text)], rule.Line)));
                }
            }
        }
    }

    public bool IsEmpty => _byFirstKey.Count == 0;

    /// <summary>
    /// The synonyms of the terms found in <paramref name="words"/> (the question's words in order, lower-cased and
    /// unstemmed), by the stem of each question word a found term covers.
    /// </summary>
    public Dictionary<string, List<SynonymPhrase>> Match(IReadOnlyList<string> words)
    {
        var found = new Dictionary<string, List<SynonymPhrase>>(StringComparer.Ordinal);
        foreach (var entry in Found(words))
        {
            foreach (var covered in entry.Keys)
            {
                if (!found.TryGetValue(covered, out var list))
                {
                    found[covered] = list = [];
                }

                foreach (var alternative in entry.Alternatives)
                {
                    if (list.Count < MaxPerWord && !list.Any(a => a.Stems.SequenceEqual(alternative.Stems)))
                    {
                        list.Add(alternative);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The lines at work for a question, as written in the file.</summary>
    public IReadOnlyList<SynonymUse> Uses(string question) =>
        [.. Found(SearchAnalyzers.Terms(Plain, SearchFields.Body, question)).Select(e => e.Use).Distinct()];

    private IEnumerable<Entry> Found(IReadOnlyList<string> words)
    {
        if (IsEmpty)
        {
            yield break;
        }

        var keys = words.Select(Key).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            if (!_byFirstKey.TryGetValue(keys[i], out var entries))
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (i + entry.Keys.Length <= keys.Length && keys.AsSpan(i, entry.Keys.Length).SequenceEqual(entry.Keys))
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>The comparison key of one word: its stem, or the word itself when the index drops it (a stop word).</summary>
    private static string Key(string word) => SearchAnalyzers.Terms(English, SearchFields.Body, word).FirstOrDefault() ?? word;

    private static string[] Keys(string term) => [.. SearchAnalyzers.Terms(Plain, SearchFields.Body, term).Select(Key)];

    private static SynonymPhrase Phrase(string term)
    {
        var stems = new List<string>();
        var positions = new List<int>();
        using var stream = English.GetTokenStream(SearchFields.Body, term);
        var text = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            stems.Add(text.ToString());
            positions.Add(position);
        }

        stream.End();
        return new SynonymPhrase([.. stems], [.. positions]);
    }

    /// <param name="Keys">The term's word keys, matched in order.</param>
    /// <param name="Alternatives">What it also finds, as the index holds it.</param>
    private sealed record Entry(string[] Keys, SynonymPhrase[] Alternatives, SynonymUse Use);
}
