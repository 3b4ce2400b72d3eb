namespace KbServer.Tests.Infrastructure;

public static class LocationExtensions
{
    /// <summary>The path and query of a redirect target, whether the server sent it absolute or relative.</summary>
    public static string PathOnly(this Uri location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
