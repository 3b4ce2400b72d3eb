namespace KbCore.Reviews;

/// <summary>Who acts on a change request: account id, name and email (for trailers), and roles (for the policy).</summary>
public sealed record ReviewerIdentity(string UserId, string Name, string Email, IReadOnlyList<string> Roles)
{
    public Content.CommitIdentity Commit => new(Name, Email);
}
