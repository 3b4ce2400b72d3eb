namespace KbServer.Api;

internal static class BrowserAntiforgery
{
    /// <summary>
    /// Browser sessions must send the antiforgery token here (<see cref="BrowserAntiforgeryFilter"/>). The filter and the
    /// marker go on together, so the reference says so wherever the check runs.
    /// </summary>
    public static TBuilder RequireBrowserAntiforgery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, BrowserAntiforgeryFilter>().WithMetadata(new BrowserAntiforgeryMetadata());
}
