namespace KbCore.Analytics;

/// <summary>
/// One ticket category over a period: tickets opened, articles linked, and how those articles did.
/// Customers only ever see the public articles, so <see cref="Helpful"/> (the share of "yes" votes, null without
/// votes) and <see cref="Gap"/> count those alone; internal ones are listed apart, for agents. <see cref="Gap"/> is high
/// when many tickets meet few or poorly rated public articles: the "write this next" order.
/// </summary>
public sealed record TicketCategoryRow(
    string Category,
    string Name,
    int Tickets,
    int PublicArticles,
    int InternalArticles,
    int Views,
    int Searches,
    double? Helpful,
    int Deflections,
    double Gap)
{
    /// <summary>All linked articles, public and internal.</summary>
    public int Articles => PublicArticles + InternalArticles;
}
