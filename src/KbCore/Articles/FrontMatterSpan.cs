namespace KbCore.Articles;

/// <summary>Offsets of a file's front matter: its YAML between the fences, and the body after the closing fence's line.</summary>
/// <param name="YamlStart">First character after the opening fence's line.</param>
/// <param name="YamlEnd">First character of the closing fence's line.</param>
/// <param name="BodyStart">First character after the closing fence's line.</param>
/// <param name="BodyLine">File line where the body starts (1-based).</param>
internal readonly record struct FrontMatterSpan(int YamlStart, int YamlEnd, int BodyStart, int BodyLine);
