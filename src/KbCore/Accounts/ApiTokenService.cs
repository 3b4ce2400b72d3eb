using System.Security.Cryptography;
using System.Text;
using KbCore.Data;
using Microsoft.EntityFrameworkCore;

namespace KbCore.Accounts;

/// <summary>Creates, checks and revokes personal API tokens.</summary>
public sealed class ApiTokenService(IDbContextFactory<KbDbContext> contexts, TimeProvider clock)
{
    public const string SecretPrefix = "kb_";
    public const int MaxNameLength = 100;

    // Last-used time is for people, not auditing: one write a minute per token is plenty.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<CreatedToken> CreateAsync(string userId, string name, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Count == 0 || scopes.Any(s => !TokenScopes.All.Contains(s)))
        {
            throw new ArgumentException("A token needs at least one known scope.", nameof(scopes));
        }

        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = userId,
            Name = string.IsNullOrWhiteSpace(name) ? "API token" : name.Trim()[..Math.Min(name.Trim().Length, MaxNameLength)],
            Prefix = secret[..10],
            Hash = Hash(secret),
            Scopes = string.Join(' ', scopes),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new CreatedToken(token, secret);
    }

    /// <summary>The owner of a live token of an active user, or null. Records when it was last used.</summary>
    public async Task<TokenOwner?> ValidateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = Hash(secret);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return null;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId, cancellationToken).ConfigureAwait(false);
        if (user is null || user.IsDeactivated)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is null || now - token.LastUsedAt.Value >= LastUsedResolution)
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return new TokenOwner(user, token.Id, token.ScopeList);
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Revokes one of the user's own tokens; false when there is no such live token.</summary>
    public async Task<bool> RevokeAsync(string userId, long tokenId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId && t.RevokedAt == null, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
