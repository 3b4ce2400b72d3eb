using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KbServer.Contact;

/// <summary>Registers the helpdesk webhook: its options (validated at start-up), the guard and the sender.</summary>
internal static class HelpdeskWebhookSetup
{
    public static IServiceCollection AddHelpdeskWebhook(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<HelpdeskWebhookOptions>().Bind(config.GetSection(HelpdeskWebhookOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HelpdeskWebhookOptions>, HelpdeskWebhookOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WebhookDestinationGuard>();
        services.AddHttpClient<HelpdeskWebhookSender>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // A redirect would leave the allow-list; a proxy would resolve and connect in our place, past the guard.
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectCallback = sp.GetRequiredService<WebhookDestinationGuard>().ConnectAsync,
            });
        return services;
    }
}
