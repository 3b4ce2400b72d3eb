namespace KbCore.Content;

/// <summary>The configured content repository does not exist and may not be created here.</summary>
public sealed class ContentRepositoryNotFoundException : Exception
{
    public ContentRepositoryNotFoundException()
    {
    }

    public ContentRepositoryNotFoundException(string message)
        : base(message)
    {
    }

    public ContentRepositoryNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
