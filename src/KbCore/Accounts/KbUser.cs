using Microsoft.AspNetCore.Identity;

namespace KbCore.Accounts;

/// <summary>A team member. Their name and email author the commits they make.</summary>
public sealed class KbUser : IdentityUser
{
    public const int MaxNameLength = 200;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Deactivated users keep their history but can no longer sign in or use tokens.</summary>
    public bool IsDeactivated { get; set; }

    public DateTime CreatedAt { get; set; }
}
