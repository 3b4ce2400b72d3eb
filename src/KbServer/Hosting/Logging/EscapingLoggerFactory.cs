using System.Collections.Concurrent;

namespace KbServer.Hosting.Logging;

/// <summary>
/// The application's logger factory with every logger wrapped in <see cref="EscapingLogger"/>: one place, in front
/// of every provider (console, debug, any added later or by a test), so no provider can print a forged line or a secret.
/// Providers keep their identity, so per-provider filters (<c>Logging:Console:LogLevel</c>) still apply.
/// </summary>
internal sealed class EscapingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new EscapingLogger(inner.CreateLogger(name)));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
