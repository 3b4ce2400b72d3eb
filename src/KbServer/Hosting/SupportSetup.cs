using KbServer.Contact;
using KbServer.HelpCenter;

namespace KbServer.Hosting;

/// <summary>The support funnel's server parts: the helpdesk webhook, contact delivery, the page-view writer and the contact page (KbCore's parts come with AddKnowledgeBase).</summary>
internal static class SupportSetup
{
    public static IServiceCollection AddSupportFunnel(this IServiceCollection services, IConfiguration config)
    {
        services.AddHelpdeskWebhook(config);
        services.AddSingleton<ContactDeliveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<ContactDeliveryService>());
        services.AddHostedService<ArticleViewWriter>();
        services.AddSingleton<ContactPageBuilder>();
        return services;
    }
}
