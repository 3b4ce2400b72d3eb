using KbCore.Content;
using KbCore.Data;
using Microsoft.EntityFrameworkCore;

namespace KbCore.Analytics;

/// <summary>
/// "Was this helpful?": one vote per browser per article, stored in the database (never in git). A "yes" is an
/// appreciation for each person who wrote the article, read from its git history at the time of the vote, so
/// later renames or history rewrites do not move credit around.
/// </summary>
public sealed class ArticleFeedbackService(IDbContextFactory<KbDbContext> contexts, ArticleRevisions revisions, TimeProvider clock)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<(string Email, string Name)>> _authors = new(StringComparer.Ordinal);

    /// <summary>Records a vote; false when this browser already voted on the article.</summary>
    public async Task<bool> VoteAsync(Articles.Article article, bool helpful, string? comment, string voterKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.ArticleFeedback.AnyAsync(f => f.Path == article.Path && f.VoterKey == voterKey, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var feedback = new ArticleFeedback
        {
            Path = article.Path,
            Helpful = helpful,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            At = now,
            VoterKey = voterKey,
        };
        db.ArticleFeedback.Add(feedback);
        if (helpful)
        {
            foreach (var (email, name) in Authors(article))
            {
                db.Appreciations.Add(new Appreciation { Feedback = feedback, Path = article.Path, AuthorEmail = email, AuthorName = name, At = now });
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // The same browser voted twice at once: the unique index kept one.
            if (await AlreadyVotedAsync(article.Path, voterKey, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>The newest votes that came with a comment, for the team to read.</summary>
    public async Task<IReadOnlyList<ArticleFeedback>> RecentCommentsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ArticleFeedback.AsNoTracking().Where(f => f.Comment != null).OrderByDescending(f => f.Id).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> AlreadyVotedAsync(string path, string voterKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ArticleFeedback.AnyAsync(f => f.Path == path && f.VoterKey == voterKey, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Everyone who committed a version of the article; merge commits credit their branch's authors, not the merger.
    /// Remembered per version of the article: votes are anonymous and cheap to send, a history walk is not.
    /// </summary>
    private IReadOnlyList<(string Email, string Name)> Authors(Articles.Article article)
    {
        if (_authors.TryGetValue(article.BlobSha, out var known))
        {
            return known;
        }

        var authors = revisions.History(article.FilePath)
            .Where(r => r.BlobSha is not null && r.ApprovedBy.Count == 0)
            .GroupBy(r => r.AuthorEmail.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => (Email: Cut(g.Key, 256), Name: Cut(g.First().AuthorName, 200)))
            .ToArray();
        if (_authors.Count > 10_000)
        {
            _authors.Clear();
        }

        _authors[article.BlobSha] = authors;
        return authors;
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
