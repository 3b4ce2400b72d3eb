namespace KbCore.Contact;

/// <summary>Where a <see cref="ContactRequest"/> stands with the helpdesk webhook.</summary>
public static class ContactDeliveryStates
{
    /// <summary>No webhook configured: the team reads it in the studio.</summary>
    public const string Stored = "stored";

    public const string Pending = "pending";
    public const string Delivered = "delivered";

    /// <summary>Gave up (refused destination, redirect, or out of attempts); still readable in the studio.</summary>
    public const string Failed = "failed";
}
