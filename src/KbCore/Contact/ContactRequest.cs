namespace KbCore.Contact;

/// <summary>A request a customer sent from the contact page, kept until the helpdesk webhook accepted it (or for the team).</summary>
public sealed class ContactRequest
{
    public const int MaxSubjectLength = 200;
    public const int MaxDescriptionLength = 5000;
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;

    public long Id { get; set; }

    /// <summary>Random id sent to the helpdesk as the delivery id, so its retries can be told apart.</summary>
    public string DeliveryId { get; set; } = string.Empty;

    public string? SessionId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public string? Category { get; set; }

    /// <summary>Article paths suggested before the request was sent, one per line.</summary>
    public string SuggestionsShown { get; set; } = string.Empty;

    /// <summary>One of <see cref="ContactDeliveryStates"/>.</summary>
    public string DeliveryState { get; set; } = ContactDeliveryStates.Stored;

    public int Attempts { get; set; }

    public DateTime? NextAttemptAt { get; set; }

    public string? LastError { get; set; }
}
