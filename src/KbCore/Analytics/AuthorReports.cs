using KbCore.Content;
using KbCore.Data;
using LibGit2Sharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KbCore.Analytics;

/// <summary>
/// The team's authoring at a glance: per author, articles created and edited on the published branch over a period
/// (from git: every commit that is not a merge, so a change request's commits count for their authors, not the
/// merger) and the appreciations ("helpful" votes) credited to them.
/// </summary>
public sealed class AuthorReports(ContentRepository repository, IOptions<ContentOptions> options, IDbContextFactory<KbDbContext> contexts, TimeProvider clock)
{
    /// <summary>Commits examined at most: a report over a busy year stays bounded.</summary>
    private const int MaxCommits = 5_000;

    public async Task<AuthorReport> BuildAsync(int days, CancellationToken cancellationToken)
    {
        days = Math.Clamp(days, 1, SearchReports.MaxDays);
        var since = clock.GetUtcNow().UtcDateTime.Date.AddDays(1 - days);
        var people = new Dictionary<string, Tally>(StringComparer.OrdinalIgnoreCase);
        Tally Of(string email, string name) => people.TryGetValue(email, out var t) ? t : people[email] = new Tally { Name = name };
        var perDay = new Dictionary<DateOnly, (int Created, int Edited)>();
        foreach (var (email, name, when, created, edited) in Commits(since))
        {
            var tally = Of(email, name);
            tally.Created += created;
            tally.Edited += edited;
            var day = DateOnly.FromDateTime(when);
            var (c, e) = perDay.GetValueOrDefault(day);
            perDay[day] = (c + created, e + edited);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var thanks = await db.Appreciations.AsNoTracking()
            .Where(a => a.At >= since)
            .GroupBy(a => a.AuthorEmail).Select(g => new { Email = g.Key, Name = g.Max(a => a.AuthorName), Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in thanks)
        {
            Of(row.Email, row.Name ?? row.Email).Thanks += row.Count;
        }

        var authors = people
            .Select(p => new AuthorActivity(p.Key, p.Value.Name, p.Value.Created, p.Value.Edited, p.Value.Thanks))
            .OrderByDescending(a => a.Created + a.Edited + a.Appreciations)
            .ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        var first = DateOnly.FromDateTime(since);
        var byDay = Enumerable.Range(0, days)
            .Select(i => first.AddDays(i))
            .Select(d => perDay.GetValueOrDefault(d) is var (c, e) ? new AuthoringDay(d, c, e) : new AuthoringDay(d, 0, 0))
            .ToArray();
        return new AuthorReport(authors, byDay);
    }

    private IEnumerable<(string Email, string Name, DateTime When, int Created, int Edited)> Commits(DateTime since)
    {
        using var repo = repository.Open();
        var tip = repo.Branches[options.Value.Branch]?.Tip;
        if (tip is null)
        {
            yield break;
        }

        var filter = new CommitFilter { IncludeReachableFrom = tip, SortBy = CommitSortStrategies.Time };
        foreach (var commit in repo.Commits.QueryBy(filter).Take(MaxCommits))
        {
            if (commit.Committer.When.UtcDateTime < since)
            {
                yield break; // committer-time order: everything after is older
            }

            if (commit.Parents.Count() > 1)
            {
                continue;
            }

            var changes = repo.Diff.Compare<TreeChanges>(commit.Parents.FirstOrDefault()?.Tree, commit.Tree);
            var created = changes.Added.Count(c => ArticlePaths.IsArticleFile(c.Path));
            var edited = changes.Modified.Concat(changes.Renamed).Count(c => ArticlePaths.IsArticleFile(c.Path));
            if (created + edited > 0)
            {
                yield return (commit.Author.Email, commit.Author.Name, commit.Author.When.UtcDateTime, created, edited);
            }
        }
    }

    private sealed class Tally
    {
        public string Name { get; init; } = string.Empty;

        public int Created { get; set; }

        public int Edited { get; set; }

        public int Thanks { get; set; }
    }
}
