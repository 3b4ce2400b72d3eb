namespace KbCore.TicketCategories;

/// <summary>The kinds of <see cref="TicketEvent"/> the reports count.</summary>
public static class TicketEventTypes
{
    public const string Created = "ticket.created";
    public const string Solved = "ticket.solved";
    public const string ArticleLinked = "article.linked";
    public const string ArticleInserted = "article.inserted";

    public static IReadOnlyList<string> All { get; } = [Created, Solved, ArticleLinked, ArticleInserted];

    /// <summary>Types that name an article.</summary>
    public static bool NeedsArticle(string type) => type is ArticleLinked or ArticleInserted;
}
