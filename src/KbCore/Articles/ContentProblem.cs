namespace KbCore.Articles;

/// <summary>A problem an author must fix: shown by <c>check</c> and on <c>/healthz</c>.</summary>
/// <param name="File">Repository path of the file.</param>
/// <param name="Line">1-based line, or 0 when the whole file is concerned.</param>
/// <param name="Severity"><c>error</c> (the article is not served) or <c>warning</c>.</param>
public sealed record ContentProblem(string File, int Line, string Severity, string Message)
{
    public const string Error = "error";
    public const string Warning = "warning";

    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Severity}: {Message}" : $"{File}: {Severity}: {Message}";
}
