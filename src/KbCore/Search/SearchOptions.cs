namespace KbCore.Search;

/// <summary>Where the search index lives (section <c>Search</c>); the server sets it to <c>{DataDirectory}/index</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    public string? IndexDirectory { get; set; }
}
