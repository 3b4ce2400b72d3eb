namespace KbServer.Hosting;

/// <summary>
/// The terminal of the person who started the server, for what is said to them rather than logged
/// (<see cref="StartupBlock"/>); tests put a writer of their own here.
/// </summary>
internal sealed record ServerConsole(TextWriter Out);
