namespace KbCore.Search;

/// <summary>Field names of the search index. Changing what a field holds means bumping <see cref="SchemaVersion"/>.</summary>
internal static class SearchFields
{
    /// <summary>Stored in the index commit: a different value forces a rebuild beside the live index.</summary>
    public const string SchemaVersion = "kb-search-9";

    public const string Id = "id";
    public const string Blob = "blob";
    public const string Visibility = "visibility";
    public const string Title = "title";
    public const string TitlePrefix = "title_prefix";
    public const string Summary = "summary";
    public const string Headings = "headings";
    public const string Body = "body";

    /// <summary>Stored only: the start of the body that snippets are cut from (the body itself is not stored).</summary>
    public const string Passage = "passage";
    public const string Tags = "tags";
    public const string Tag = "tag";
    public const string Category = "category";
    public const string TicketCategory = "ticket_category";
    public const string PathWords = "path_words";

    /// <summary>Unstemmed words of titles and headings: the vocabulary for "did you mean".</summary>
    public const string Words = "words";

    public const string CommitKey = "git_sha";
    public const string SchemaKey = "schema";
}
