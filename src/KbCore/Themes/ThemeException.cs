namespace KbCore.Themes;

/// <summary>A theme template that cannot be parsed or rendered; names the file and, when known, the line.</summary>
public sealed class ThemeException : Exception
{
    public ThemeException(string template, int line, string message, Exception? inner = null)
        : base(line > 0 ? $"{template}:{line}: {message}" : $"{template}: {message}", inner)
    {
        Template = template;
        Line = line;
    }

    public ThemeException()
    {
        Template = string.Empty;
    }

    public ThemeException(string message)
        : base(message)
    {
        Template = string.Empty;
    }

    public ThemeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Template = string.Empty;
    }

    /// <summary>Theme-relative path of the template, e.g. <c>midnight/templates/home.liquid</c>.</summary>
    public string Template { get; }

    public int Line { get; }
}
