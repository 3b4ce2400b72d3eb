using System.Security.Cryptography;
using KbCore.Data;
using Microsoft.EntityFrameworkCore;

namespace KbCore.Contact;

/// <summary>Keeps contact requests: for the helpdesk webhook to deliver (with retries), or for the team to read.</summary>
public sealed class ContactRequests(IDbContextFactory<KbDbContext> contexts, TimeProvider clock)
{
    /// <summary>Stores the request; <paramref name="deliver"/> queues it for the webhook at once.</summary>
    public async Task<ContactRequest> AddAsync(ContactRequest request, bool deliver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.At = clock.GetUtcNow().UtcDateTime;
        request.DeliveryId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        request.DeliveryState = deliver ? ContactDeliveryStates.Pending : ContactDeliveryStates.Stored;
        request.NextAttemptAt = deliver ? request.At : null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.ContactRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return request;
    }

    /// <summary>How long a claimed request is left to the server that claimed it before another may try.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Requests whose next delivery attempt is due, oldest first, each claimed for this server: servers sharing one
    /// database (scale-out) never send the same request at once, and a server that died mid-send leaves it to the
    /// others after the lease.
    /// </summary>
    public async Task<IReadOnlyList<ContactRequest>> DueAsync(int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var due = await db.ContactRequests.AsNoTracking()
            .Where(r => r.DeliveryState == ContactDeliveryStates.Pending && r.NextAttemptAt <= now)
            .OrderBy(r => r.NextAttemptAt).Take(limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var claimed = new List<ContactRequest>(due.Count);
        foreach (var request in due)
        {
            var seen = request.NextAttemptAt;
            var updated = await db.ContactRequests
                .Where(r => r.Id == request.Id && r.NextAttemptAt == seen && r.DeliveryState == ContactDeliveryStates.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.NextAttemptAt, now + Lease), cancellationToken).ConfigureAwait(false);
            if (updated == 1)
            {
                claimed.Add(request);
            }
        }

        return claimed;
    }

    /// <summary>Records an attempt's outcome: delivered, retry at <paramref name="retryAt"/>, or failed for good.</summary>
    public async Task RecordAttemptAsync(long id, bool delivered, string? error, DateTime? retryAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var request = await db.ContactRequests.FindAsync([id], cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        request.Attempts++;
        request.LastError = error is { Length: > 1000 } ? error[..1000] : error;
        request.DeliveryState = delivered ? ContactDeliveryStates.Delivered : retryAt is null ? ContactDeliveryStates.Failed : ContactDeliveryStates.Pending;
        request.NextAttemptAt = delivered ? null : retryAt;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The newest requests, for the studio.</summary>
    public async Task<IReadOnlyList<ContactRequest>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ContactRequests.AsNoTracking().OrderByDescending(r => r.Id).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// How many requests wait for the webhook and how many it gave up on, for the operations gauges. Synchronous:
    /// metric callbacks cannot await, and the caller caches the answer for seconds.
    /// </summary>
    public (int Pending, int Failed) CountUndelivered()
    {
        using var db = contexts.CreateDbContext();
        var counts = db.ContactRequests.AsNoTracking()
            .Where(r => r.DeliveryState == ContactDeliveryStates.Pending || r.DeliveryState == ContactDeliveryStates.Failed)
            .GroupBy(r => r.DeliveryState)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToList();
        return (counts.FirstOrDefault(c => c.State == ContactDeliveryStates.Pending)?.Count ?? 0,
            counts.FirstOrDefault(c => c.State == ContactDeliveryStates.Failed)?.Count ?? 0);
    }
}
