using KbCore.Content;
using KbCore.Data;
using Microsoft.EntityFrameworkCore;

namespace KbCore.TicketCategories;

/// <summary>Stores ticket events once each, with the category resolved to ours through the published catalog.</summary>
public sealed class TicketEvents(IDbContextFactory<KbDbContext> contexts, ContentStore store, TimeProvider clock)
{
    /// <summary>How far in the future an event time may be (clock skew), before it is refused.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    /// <summary>Stores the event; the result says whether it was new, a repeat, or which field is wrong.</summary>
    public async Task<TicketEventResult> RecordAsync(TicketEventInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var snapshot = store.Current;
        var category = Resolve(snapshot.TicketCategories, input);
        if (category is null)
        {
            var named = input.Category is not null ? $"`{input.Category}`" : $"{input.External!.System} id `{input.External.Id}`";
            return TicketEventResult.Invalid(input.CategoryField, $"unknown ticket category {named}: not in {TicketCategoryCatalog.FileName}");
        }

        string? article = null;
        if (input.ArticlePath is { } path)
        {
            article = path.Trim().TrimStart('/');
            article = article.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? article[..^3] : article;
            if (!snapshot.Articles.ContainsKey(article))
            {
                return TicketEventResult.Invalid("article", $"no published article at `{path}`");
            }
        }

        var now = clock.GetUtcNow();
        if (input.OccurredAt > now + FutureTolerance)
        {
            return TicketEventResult.Invalid("occurredAt", "`occurredAt` is in the future");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.TicketEvents.AnyAsync(e => e.EventId == input.EventId, cancellationToken).ConfigureAwait(false))
        {
            return TicketEventResult.Duplicate;
        }

        db.TicketEvents.Add(new TicketEvent
        {
            EventId = input.EventId,
            Type = input.Type,
            TicketId = input.TicketId,
            Category = category,
            ArticlePath = article,
            OccurredAt = (input.OccurredAt ?? now).UtcDateTime,
            ReceivedAt = now.UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return TicketEventResult.Stored;
        }
        catch (DbUpdateException)
        {
            // A retry raced its original: the unique event id kept one.
            await using var check = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            if (await check.TicketEvents.AnyAsync(e => e.EventId == input.EventId, cancellationToken).ConfigureAwait(false))
            {
                return TicketEventResult.Duplicate;
            }

            throw;
        }
    }

    private static string? Resolve(TicketCategoryCatalog catalog, TicketEventInput input)
    {
        if (input.Category is not null)
        {
            return catalog.Contains(input.Category) ? input.Category : null;
        }

        return catalog.FindByExternal(input.External!.System, input.External.Id)?.Id;
    }
}
