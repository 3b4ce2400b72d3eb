namespace KbCore.Themes;

/// <summary>
/// HTML that has already been sanitized and must be written without escaping.
/// Only the article renderer creates it; every other template value is HTML-encoded.
/// </summary>
public sealed class RawHtml(string html)
{
    public static RawHtml Empty { get; } = new(string.Empty);

    public string Html { get; } = html;

    public override string ToString() => Html;
}
