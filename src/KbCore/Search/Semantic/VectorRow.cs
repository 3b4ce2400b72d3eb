namespace KbCore.Search.Semantic;

/// <summary>
/// What the vector scan needs to know of an article to honour visibility and the facet filters itself, so that a
/// hidden or filtered-out article never takes one of the nearest places. Lucene checks the same again on the way out.
/// </summary>
internal sealed record VectorRow(string Path, bool IsPublic, string Category, IReadOnlySet<string> Tags, IReadOnlySet<string> TicketCategories)
{
    public bool Allows(SearchRequest request) =>
        (request.IncludeInternal || IsPublic)
        && (string.IsNullOrWhiteSpace(request.Category) || Category == request.Category.Trim())
        && (string.IsNullOrWhiteSpace(request.Tag) || Tags.Contains(request.Tag.Trim().ToLowerInvariant()))
        && (string.IsNullOrWhiteSpace(request.TicketCategory) || TicketCategories.Contains(request.TicketCategory.Trim()));
}
