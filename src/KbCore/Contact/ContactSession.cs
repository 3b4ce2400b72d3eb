namespace KbCore.Contact;

/// <summary>
/// One visit to the contact page, for the deflection funnel: which suggestion was opened, and whether the
/// visitor still submitted a request. Opened and never submitted counts as deflected. No visitor data.
/// </summary>
public sealed class ContactSession
{
    public const int IdLength = 32;

    public string Id { get; set; } = string.Empty;

    /// <summary>UTC.</summary>
    public DateTime StartedAt { get; set; }

    public string? Category { get; set; }

    public string? OpenedPath { get; set; }

    public DateTime? OpenedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }
}
