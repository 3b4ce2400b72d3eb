namespace KbCore.TicketCategories;

/// <summary>
/// Something that happened to a helpdesk ticket, as the helpdesk reported it: the tickets and links per
/// category in the reports are counted from these. Stored once per <see cref="EventId"/> (webhooks retry).
/// </summary>
public sealed class TicketEvent
{
    public const int MaxIdLength = 200;

    public long Id { get; set; }

    /// <summary>The sender's id of the event, prefixed by its source (<c>kb:</c>, <c>zendesk:</c>, ...), unique.</summary>
    public string EventId { get; set; } = string.Empty;

    /// <summary>One of <see cref="TicketEventTypes"/>.</summary>
    public string Type { get; set; } = string.Empty;

    public string TicketId { get; set; } = string.Empty;

    /// <summary>Our category id (external ids are resolved through the catalog when the event arrives).</summary>
    public string Category { get; set; } = string.Empty;

    /// <summary>The article linked or inserted, as a repository path without <c>.md</c>.</summary>
    public string? ArticlePath { get; set; }

    /// <summary>UTC.</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime ReceivedAt { get; set; }
}
