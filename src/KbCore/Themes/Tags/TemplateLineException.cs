namespace KbCore.Themes.Tags;

/// <summary>A render error with the line of the tag it happened in, on its way to the file's <see cref="NamedTemplate"/>.</summary>
internal sealed class TemplateLineException(int line, Exception inner) : Exception(inner.Message, inner)
{
    public int Line { get; } = line;
}
