using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KbServer.Hosting.Logging;

internal static class LoggingBuilderExtensions
{
    /// <summary>
    /// Redacts secrets and escapes control characters in every log message, scope, structured field and exception
    /// message, whichever provider prints them: the default <see cref="LoggerFactory"/>, built from the same
    /// services, behind <see cref="EscapingLoggerFactory"/>.
    /// </summary>
    public static ILoggingBuilder MakeLogLinesSafe(this ILoggingBuilder logging)
    {
        logging.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(services => new EscapingLoggerFactory(new LoggerFactory(
            services.GetServices<ILoggerProvider>(),
            services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            services.GetService<IOptions<LoggerFactoryOptions>>(),
            services.GetService<IExternalScopeProvider>()))));
        return logging;
    }
}
