using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace KbCore.Search;

/// <summary>
/// The best passage of a stored text for a set of matched (stemmed) terms: the text is re-analyzed to find
/// where those terms occur, the window with the most distinct matches wins, everything is HTML-escaped and
/// the matches are wrapped in <c>&lt;mark&gt;</c>.
/// </summary>
internal static class SnippetBuilder
{
    private const int Window = 220;
    private const int MaxScannedChars = 6_000;

    public static string Build(Analyzer english, string text, HashSet<string> terms)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        var scanned = Scanned(text);
        var hits = FindHits(english, scanned, terms);
        if (hits.Count == 0)
        {
            return WebUtility.HtmlEncode(scanned[..Math.Min(scanned.Length, Window)]) + (scanned.Length > Window ? "…" : string.Empty);
        }

        var (first, end) = BestWindow(hits, scanned.Length);

        // Start a little before the first hit, after a space, so the passage begins with a whole word.
        var start = Math.Max(0, first - 40);
        if (start > 0 && scanned.IndexOf(' ', start, first - start) is var space and >= 0)
        {
            start = space + 1;
        }

        return Highlight(scanned, start, Math.Min(scanned.Length, Math.Max(end, start + Window)), hits);
    }

    /// <summary>
    /// The part of a body snippets are cut from: its start, never ending inside a surrogate pair. Only this much of
    /// the body is stored in the index, since snippets never look further (index 7,751 → 7,166 KB on the corpus).
    /// </summary>
    public static string Scanned(string text)
    {
        if (text.Length <= MaxScannedChars)
        {
            return text;
        }

        return text[..(char.IsHighSurrogate(text[MaxScannedChars - 1]) ? MaxScannedChars - 1 : MaxScannedChars)];
    }

    private static List<(int Start, int End, string Term)> FindHits(Analyzer english, string text, HashSet<string> terms)
    {
        // Looked up by the token's own buffer: most tokens match nothing, and a string for each was most of the garbage.
        var lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        var hits = new List<(int, int, string)>();
        using var stream = english.GetTokenStream(SearchFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (lookup.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var value))
            {
                hits.Add((offset.StartOffset, offset.EndOffset, value));
            }
        }

        stream.End();
        return hits;
    }

    private static (int Start, int End) BestWindow(List<(int Start, int End, string Term)> hits, int length)
    {
        var bestStart = hits[0].Start;
        var bestScore = -1;
        for (var i = 0; i < hits.Count; i++)
        {
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            var total = 0;
            for (var j = i; j < hits.Count && hits[j].End - hits[i].Start <= Window; j++)
            {
                distinct.Add(hits[j].Term);
                total++;
            }

            var score = (distinct.Count * 10) + total;
            if (score > bestScore)
            {
                bestScore = score;
                bestStart = hits[i].Start;
            }
        }

        return (bestStart, Math.Min(length, bestStart + Window));
    }

    private static string Highlight(string text, int start, int end, List<(int Start, int End, string Term)> hits)
    {
        var builder = new StringBuilder();
        if (start > 0)
        {
            builder.Append('…');
        }

        var position = start;
        foreach (var (hitStart, hitEnd, _) in hits.Where(h => h.Start >= start && h.End <= end))
        {
            builder.Append(WebUtility.HtmlEncode(text[position..hitStart]));
            builder.Append("<mark>").Append(WebUtility.HtmlEncode(text[hitStart..hitEnd])).Append("</mark>");
            position = hitEnd;
        }

        builder.Append(WebUtility.HtmlEncode(text[position..end]));
        if (end < text.Length)
        {
            builder.Append('…');
        }

        return builder.ToString().Replace('\n', ' ');
    }
}
