namespace KbCore.Search;

/// <summary>Articles for a ticket: its text (subject and description) and our ticket category, if known.</summary>
public sealed record SuggestionRequest(string Text, string? TicketCategory, int Limit = 5, bool IncludeInternal = false)
{
    public const int MaxLimit = 20;
}
