namespace KbCore.Accounts;

/// <summary>What a personal API token may do. A token carries only the scopes it was created with.</summary>
public static class TokenScopes
{
    public const string ArticlesRead = "articles:read";
    public const string ArticlesWrite = "articles:write";
    public const string Reports = "reports";
    public const string ChangesRead = "changes:read";
    public const string ChangesWrite = "changes:write";
    public const string ChangesApprove = "changes:approve";

    /// <summary>Article suggestions for tickets, internal articles included: for agents' helpdesk integrations.</summary>
    public const string Suggest = "suggest";

    /// <summary>Sending ticket events (webhooks from the helpdesk).</summary>
    public const string Events = "events";

    public static IReadOnlyList<string> All { get; } = [ArticlesRead, ArticlesWrite, ChangesRead, ChangesWrite, ChangesApprove, Reports, Suggest, Events];

    /// <summary>Splits <c>a,b c</c>; returns the unknown names so callers can say which one is wrong.</summary>
    public static (IReadOnlyList<string> Scopes, IReadOnlyList<string> Unknown) Parse(string? text)
    {
        var names = (text ?? string.Empty).Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        return (names.Where(All.Contains).ToList(), names.Where(n => !All.Contains(n)).ToList());
    }
}
