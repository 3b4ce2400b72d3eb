using KbCore.Data;
using Microsoft.EntityFrameworkCore;

namespace KbCore.Content;

/// <summary>Stores and restores <see cref="EditorDraft"/>s.</summary>
public sealed class EditorDrafts(IDbContextFactory<KbDbContext> contexts, TimeProvider clock)
{
    /// <summary>Largest draft kept; the editor refuses articles above <see cref="ContentWriter.MaxContentBytes"/> anyway.</summary>
    public const int MaxJsonChars = 2 * ContentWriter.MaxContentBytes;

    public async Task<EditorDraft?> FindAsync(string userId, string path, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.EditorDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == userId && d.Path == path, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<EditorDraft>> ForUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.EditorDrafts.AsNoTracking().Where(d => d.UserId == userId).OrderByDescending(d => d.UpdatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates or replaces the person's draft of an article. False when it is too large to keep.</summary>
    public Task<bool> SaveAsync(string userId, string path, string? baseRevision, string formJson, CancellationToken cancellationToken) =>
        SaveAsync(userId, path, baseRevision, formJson, retry: true, cancellationToken);

    private async Task<bool> SaveAsync(string userId, string path, string? baseRevision, string formJson, bool retry, CancellationToken cancellationToken)
    {
        if (formJson.Length > MaxJsonChars || path.Length > ArticlePaths.MaxLength)
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var draft = await db.EditorDrafts.FirstOrDefaultAsync(d => d.UserId == userId && d.Path == path, cancellationToken).ConfigureAwait(false);
        if (draft is null)
        {
            draft = new EditorDraft { UserId = userId, Path = path };
            db.EditorDrafts.Add(draft);
        }

        draft.BaseRevision = baseRevision;
        draft.FormJson = formJson;
        draft.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (retry)
        {
            // Two autosaves raced to create the same draft: the other one is there now; write over it, once.
            return await SaveAsync(userId, path, baseRevision, formJson, retry: false, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public async Task DiscardAsync(string userId, string path, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.EditorDrafts.Where(d => d.UserId == userId && d.Path == path).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
