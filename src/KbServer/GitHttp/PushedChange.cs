namespace KbServer.GitHttp;

/// <summary>A file as one pushed commit leaves it, different from every parent's version.</summary>
/// <param name="Added">No parent had a file at <paramref name="Path"/>: a new path, whose name is judged too.</param>
internal sealed record PushedChange(string Commit, string Path, string Mode, string BlobId, bool Added)
{
    /// <summary>Symbolic links and submodules: never content, and a link in a clone can point anywhere.</summary>
    public bool IsLinkOrSubmodule => Mode is "120000" or "160000";
}
