namespace KbCore.Accounts;

/// <summary>Who a valid token belongs to and what it may do.</summary>
public sealed record TokenOwner(KbUser User, long TokenId, IReadOnlyList<string> Scopes);
