namespace KbCore.Content;

/// <summary>The person a commit is authored by: the signed-in user or the token's owner.</summary>
public sealed record CommitIdentity(string Name, string Email);
