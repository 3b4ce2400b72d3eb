using KbCore.Search;
using Microsoft.EntityFrameworkCore;

namespace KbCore.Analytics;

public sealed partial class TicketCategoryReports
{
    /// <summary>
    /// A title for the next article of each category: what customers wrote most often as the subject of its contact
    /// requests in the period, else what they searched for most often when the first result was one of its public
    /// articles; sensibly cased (<see cref="TitleText"/>). Categories with neither are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> SuggestTitlesAsync(IReadOnlyCollection<string> categories, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        days = Math.Clamp(days, 1, SearchReports.MaxDays);
        var since = clock.GetUtcNow().UtcDateTime.Date.AddDays(1 - days);
        var firstDay = DateOnly.FromDateTime(since);
        var snapshot = store.Current;
        var wanted = categories.ToHashSet(StringComparer.Ordinal);
        var pathsOf = snapshot.Articles.Values
            .Where(a => a.IsPublic)
            .SelectMany(a => a.Metadata.TicketCategories.Where(wanted.Contains).Select(id => (Id: id, a.Path)))
            .ToLookup(x => x.Path, x => x.Id, StringComparer.Ordinal);
        var paths = pathsOf.Select(g => g.Key).ToList();
        var ids = wanted.ToList();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var subjects = await db.ContactRequests.AsNoTracking()
            .Where(r => r.At >= since && r.Category != null && ids.Contains(r.Category))
            .GroupBy(r => new { r.Category, r.Subject }).Select(g => new { Category = g.Key.Category!, Text = g.Key.Subject, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        // Searches only for the categories asked about (the report's "write this next" few), through the day index.
        var queries = await db.SearchLog.AsNoTracking()
            .Where(e => e.Day >= firstDay && e.TopPath != null && e.Source != SearchLog.ClickSource && paths.Contains(e.TopPath))
            .GroupBy(e => new { e.TopPath, e.Query }).Select(g => new { Path = g.Key.TopPath!, Text = g.Key.Query, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var houseStyle = TitleText.HouseStyle(snapshot.Articles.Values.Select(a => a.Title));
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var fromSubjects = MostFrequent(subjects.Where(s => s.Category == id).Select(s => (s.Text, s.Count)));
            var text = fromSubjects ?? MostFrequent(queries.Where(q => pathsOf[q.Path].Contains(id)).Select(q => (q.Text, q.Count)));
            if (text is not null && TitleText.From(text, houseStyle) is { Length: > 0 } title)
            {
                titles[id] = title;
            }
        }

        return titles;
    }

    /// <summary>
    /// The text typed most often, variants in case and spacing counted as one ("Invoice not sent" and "invoice  not
    /// sent"); ties go to the first in ordinal order, so the suggestion is stable. The spelling returned is the most
    /// common one of the winner.
    /// </summary>
    private static string? MostFrequent(IEnumerable<(string Text, int Count)> texts) =>
        texts
            .Where(t => t.Text.Trim().Length > 0)
            .GroupBy(t => QueryText.Normalize(t.Text), StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Count: g.Sum(t => t.Count), Spelling: g.OrderByDescending(t => t.Count).ThenBy(t => t.Text, StringComparer.Ordinal).First().Text))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Spelling)
            .FirstOrDefault();
}
