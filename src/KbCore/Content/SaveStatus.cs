namespace KbCore.Content;

public enum SaveStatus
{
    /// <summary>A new commit is on the branch (or the text was already there: <see cref="SaveResult.Unchanged"/>).</summary>
    Committed,

    /// <summary>The article changed since the editor's base revision and the edits overlap; nothing was written.</summary>
    Conflict,

    /// <summary>The input cannot be saved (path, front matter, size, unknown base revision); nothing was written.</summary>
    Rejected,

    /// <summary>The article does not exist (delete or update of a missing article).</summary>
    NotFound,
}
