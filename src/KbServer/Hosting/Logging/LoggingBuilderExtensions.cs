using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KbServer.Hosting.Logging;

internal static class LoggingBuilderExtensions
{
    /// <summary>
    /// Escapes control characters in every log message, scope and exception message, whichever provider prints
    /// them: the default <see cref="LoggerFactory"/>, built from the same services, behind <see cref="EscapingLoggerFactory"/>.
    /// </summary>
    public static ILoggingBuilder EscapeControlCharacters(this ILoggingBuilder logging)
    {
        logging.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(services => new EscapingLoggerFactory(new LoggerFactory(
            services.GetServices<ILoggerProvider>(),
            services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            services.GetService<IOptions<LoggerFactoryOptions>>(),
            services.GetService<IExternalScopeProvider>()))));
        return logging;
    }
}
