namespace KbServer.Api;

/// <summary>Marks an endpoint that runs <see cref="BrowserAntiforgeryFilter"/>: the API reference reads it to document the 400.</summary>
internal sealed class BrowserAntiforgeryMetadata;
