namespace KbCore.Search;

/// <summary>A search as a person typed it. Filters narrow by facet values; paging is 1-based.</summary>
/// <param name="AsTyped">Searches the words without spelling corrections: the "Search instead for" link of a corrected search.</param>
public sealed record SearchRequest(
    string Query,
    int Page = 1,
    int PageSize = 10,
    string? Category = null,
    string? Tag = null,
    string? TicketCategory = null,
    bool IncludeInternal = false,
    bool AsTyped = false)
{
    /// <summary>Longest query accepted; longer ones are refused with a clear message.</summary>
    public const int MaxQueryLength = 500;

    public const int MaxPageSize = 50;
}
