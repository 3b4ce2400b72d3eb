namespace KbCore.Content;

/// <summary>Where the content repository lives and which branch customers see (section <c>Content</c>).</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>Path of a bare or non-bare repository. Default: <c>{DataDirectory}/content.git</c>.</summary>
    public string? Repository { get; set; }

    /// <summary>The branch that is published.</summary>
    public string Branch { get; set; } = "main";

    /// <summary>What an article without a <c>visibility</c> key gets: <c>public</c> or <c>internal</c>.</summary>
    public string DefaultVisibility { get; set; } = "public";

    /// <summary>Folder copied into a new repository on first start (the sample help center).</summary>
    public string? SeedDirectory { get; set; }

    /// <summary>
    /// Create and seed the repository when it does not exist. The server does; commands such as
    /// <c>check</c> do not, so a mistyped path is an error rather than a fresh, passing repository.
    /// </summary>
    public bool CreateIfMissing { get; set; } = true;

    /// <summary>
    /// Largest image, in pixels of its canvas or any frame, that an upload or a push may add: the header declares it,
    /// and a small file can declare a huge one (a decompression bomb).
    /// </summary>
    public long MaxImagePixels { get; set; } = Images.ImageHeaders.DefaultMaxPixels;

    /// <summary>Commits from the studio and the API are authored by the person and committed by the server as this.</summary>
    public string CommitterName { get; set; } = "KnowledgeBase";

    public string CommitterEmail { get; set; } = "knowledgebase@localhost";

    /// <summary>How often the branch tip is checked for pushes made outside the server.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
