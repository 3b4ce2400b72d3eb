using KbCore.Content;
using KbCore.Data;
using KbCore.TicketCategories;
using Microsoft.EntityFrameworkCore;

namespace KbCore.Analytics;

/// <summary>The per-category funnel: tickets, linked articles (public and internal), views, searches, votes and deflections, and the gap score.</summary>
public sealed partial class TicketCategoryReports(IDbContextFactory<KbDbContext> contexts, ContentStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<TicketCategoryRow>> BuildAsync(int days, CancellationToken cancellationToken)
    {
        days = Math.Clamp(days, 1, SearchReports.MaxDays);
        var since = clock.GetUtcNow().UtcDateTime.Date.AddDays(1 - days);
        var firstDay = DateOnly.FromDateTime(since);
        var snapshot = store.Current;
        var categoriesOf = snapshot.Articles.Values
            .Where(a => a.Metadata.TicketCategories.Count > 0)
            .ToDictionary(a => a.Path, a => a.Metadata.TicketCategories, StringComparer.Ordinal);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // Aggregated in the database; only one row per category, article or query result travels.
        var tickets = await db.TicketEvents.AsNoTracking()
            .Where(e => e.Type == TicketEventTypes.Created && e.OccurredAt >= since)
            .GroupBy(e => e.Category).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken).ConfigureAwait(false);
        var views = await db.ArticleViews.AsNoTracking()
            .Where(v => v.Day >= since)
            .GroupBy(v => v.Path).Select(g => new { g.Key, Count = g.Sum(v => v.Views) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var searches = await db.SearchLog.AsNoTracking()
            .Where(e => e.Day >= firstDay && e.TopPath != null && e.Source != SearchLog.ClickSource)
            .GroupBy(e => e.TopPath!).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var votes = await db.ArticleFeedback.AsNoTracking()
            .Where(f => f.At >= since)
            .GroupBy(f => f.Path).Select(g => new { g.Key, Yes = g.Count(f => f.Helpful), All = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => (g.Yes, g.All), cancellationToken).ConfigureAwait(false);
        var deflected = await db.ContactSessions.AsNoTracking()
            .Where(s => s.OpenedAt >= since && s.SubmittedAt == null)
            .Select(s => new { s.Category, s.OpenedPath })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var perCategory = new Dictionary<string, Tally>(StringComparer.Ordinal);
        Tally Of(string id) => perCategory.TryGetValue(id, out var t) ? t : perCategory[id] = new Tally();
        IReadOnlyList<string> Linked(string? path) => path is not null && categoriesOf.TryGetValue(path, out var ids) ? ids : [];

        foreach (var (path, ids) in categoriesOf)
        {
            var (yes, all) = votes.GetValueOrDefault(path);
            var isPublic = snapshot.Articles[path].IsPublic;
            foreach (var id in ids)
            {
                var tally = Of(id);
                if (!isPublic)
                {
                    // Agents use it, customers never see it: it neither deflects a ticket nor covers the category.
                    tally.InternalArticles++;
                    continue;
                }

                tally.PublicArticles++;
                tally.Yes += yes;
                tally.Votes += all;

                // An unrated article counts half; a well-rated one nearly fully; a poorly rated one hardly.
                tally.Coverage += (yes + 1.0) / (all + 2.0);
            }
        }

        foreach (var row in views)
        {
            foreach (var id in Linked(row.Key))
            {
                Of(id).Views += row.Count;
            }
        }

        foreach (var row in searches)
        {
            foreach (var id in Linked(row.Key))
            {
                Of(id).Searches += row.Count;
            }
        }

        foreach (var session in deflected)
        {
            foreach (var id in session.Category is { } chosen ? [chosen] : Linked(session.OpenedPath))
            {
                Of(id).Deflections++;
            }
        }

        return snapshot.TicketCategories.Categories
            .Select(c =>
            {
                var tally = perCategory.GetValueOrDefault(c.Id) ?? new Tally();
                var ticketCount = tickets.GetValueOrDefault(c.Id);
                return new TicketCategoryRow(
                    c.Id,
                    c.Name,
                    ticketCount,
                    tally.PublicArticles,
                    tally.InternalArticles,
                    tally.Views,
                    tally.Searches,
                    tally.Votes == 0 ? null : Math.Round((double)tally.Yes / tally.Votes, 3),
                    tally.Deflections,
                    Math.Round(ticketCount / (1 + tally.Coverage), 2));
            })
            .OrderByDescending(r => r.Gap)
            .ThenByDescending(r => r.Tickets)
            .ThenBy(r => r.Category, StringComparer.Ordinal)
            .ToArray();
    }

    private sealed class Tally
    {
        public int PublicArticles { get; set; }

        public int InternalArticles { get; set; }

        public int Views { get; set; }

        public int Searches { get; set; }

        public int Yes { get; set; }

        public int Votes { get; set; }

        public int Deflections { get; set; }

        public double Coverage { get; set; }
    }
}
