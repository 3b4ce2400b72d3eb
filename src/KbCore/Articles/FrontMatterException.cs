namespace KbCore.Articles;

/// <summary>Front matter an article cannot be served with; <see cref="Line"/> is the file line.</summary>
public sealed class FrontMatterException : Exception
{
    public FrontMatterException(int line, string message)
        : base(message)
    {
        Line = line;
    }

    public FrontMatterException()
    {
    }

    public FrontMatterException(string message)
        : base(message)
    {
    }

    public FrontMatterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Line { get; }
}
