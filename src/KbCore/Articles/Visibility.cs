namespace KbCore.Articles;

/// <summary>Who may read an article. Anything unrecognised is treated as <see cref="Internal"/> (fail closed).</summary>
public enum Visibility
{
    Public,
    Internal,
}
