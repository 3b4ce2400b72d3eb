namespace KbCore.Analytics;

/// <summary>
/// One ticket category over a period: tickets opened, articles linked, and how those articles did.
/// <see cref="Helpful"/> is the share of "yes" votes on its articles (null without votes). <see cref="Gap"/> is high
/// when many tickets meet few or poorly rated articles: the "write this next" order.
/// </summary>
public sealed record TicketCategoryRow(
    string Category,
    string Name,
    int Tickets,
    int Articles,
    int Views,
    int Searches,
    double? Helpful,
    int Deflections,
    double Gap);
