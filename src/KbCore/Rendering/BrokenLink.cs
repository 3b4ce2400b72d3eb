namespace KbCore.Rendering;

/// <summary>A link in an article whose target does not exist at this commit.</summary>
/// <param name="Line">1-based line in the article file.</param>
public sealed record BrokenLink(string Target, int Line);
