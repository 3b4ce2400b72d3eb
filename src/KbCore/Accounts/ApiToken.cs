namespace KbCore.Accounts;

/// <summary>
/// A personal API token. Only a SHA-256 hash of the secret is stored: the secret is 256 random bits, so a
/// slow password hash would add latency to every API call without adding safety.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The first characters of the secret, shown so people can tell their tokens apart.</summary>
    public string Prefix { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;

    /// <summary>Space-separated scope names.</summary>
    public string Scopes { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
