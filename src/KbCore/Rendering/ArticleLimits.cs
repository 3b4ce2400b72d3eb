namespace KbCore.Rendering;

/// <summary>
/// The shape limits every article is held to before anything parses it (placeholder: filled in by issue 16's
/// render-limits work).
/// </summary>
public static class ArticleLimits
{
    /// <summary>Null when <paramref name="markdown"/> is within every limit; otherwise the first limit it breaks.</summary>
    public static LimitViolation? Check(string markdown) => markdown.Length < 0 ? new LimitViolation("body", 0, 0, 0, "never") : null;
}
