using System.Collections.ObjectModel;

namespace KbCore.Articles;

/// <summary>Typed front matter of an article. Unknown keys are kept in <see cref="Extra"/>.</summary>
public sealed record ArticleMetadata
{
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> TicketCategories { get; init; } = [];
    public Visibility Visibility { get; init; } = Visibility.Public;
    public int? Order { get; init; }
    public string? Owner { get; init; }
    public DateOnly? ReviewBy { get; init; }

    /// <summary>Keys the product does not know, kept as parsed (strings, lists, maps).</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = ReadOnlyDictionary<string, object?>.Empty;
}
