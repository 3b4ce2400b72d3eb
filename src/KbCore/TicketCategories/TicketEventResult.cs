namespace KbCore.TicketCategories;

/// <summary>What happened to a ticket event: stored, already stored (same id), or refused naming a field.</summary>
public sealed record TicketEventResult(bool IsStored, bool IsDuplicate, string? ErrorField, string? Error)
{
    public static TicketEventResult Stored { get; } = new(true, false, null, null);

    public static TicketEventResult Duplicate { get; } = new(false, true, null, null);

    public static TicketEventResult Invalid(string field, string message) => new(false, false, field, message);
}
