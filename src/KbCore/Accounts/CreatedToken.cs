namespace KbCore.Accounts;

/// <summary>A new token: <see cref="Secret"/> is shown to its owner once and never stored.</summary>
public sealed record CreatedToken(ApiToken Token, string Secret);
