using System.Security.Cryptography;
using KbCore.Data;
using Microsoft.EntityFrameworkCore;

namespace KbCore.Contact;

/// <summary>
/// The deflection funnel of the contact page. A visit has a random id (in the page, not a cookie); opening a
/// suggestion and submitting the request are recorded against it. A visit that opened a suggestion and never
/// submitted is a deflection.
/// </summary>
public sealed class ContactFunnel(IDbContextFactory<KbDbContext> contexts, TimeProvider clock)
{
    public static string NewSessionId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(ContactSession.IdLength / 2));

    public static bool IsSessionId(string? id) =>
        id is { Length: ContactSession.IdLength } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Records the first suggestion the visitor opened.</summary>
    public Task OpenedAsync(string sessionId, string path, string? category, CancellationToken cancellationToken) =>
        UpdateAsync(sessionId, category, s =>
        {
            if (s.OpenedAt is null)
            {
                s.OpenedAt = clock.GetUtcNow().UtcDateTime;
                s.OpenedPath = path;
            }
        }, cancellationToken);

    public Task SubmittedAsync(string sessionId, string? category, CancellationToken cancellationToken) =>
        UpdateAsync(sessionId, category, s => s.SubmittedAt ??= clock.GetUtcNow().UtcDateTime, cancellationToken);

    private async Task UpdateAsync(string sessionId, string? category, Action<ContactSession> change, CancellationToken cancellationToken)
    {
        if (!IsSessionId(sessionId))
        {
            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var session = await db.ContactSessions.FindAsync([sessionId], cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                session = new ContactSession { Id = sessionId, StartedAt = clock.GetUtcNow().UtcDateTime };
                db.ContactSessions.Add(session);
            }

            session.Category ??= category;
            change(session);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Two requests of one visit created the row at once: the second attempt updates it.
            }
        }
    }
}
