using KbCore.Analytics;
using KbCore.Contact;
using KbCore.TicketCategories;
using KbServer.Contact;
using KbServer.HelpCenter;

namespace KbServer.Hosting;

/// <summary>Registers the support funnel: ticket events, votes, page views, the contact page and its reports.</summary>
internal static class SupportSetup
{
    public static IServiceCollection AddSupportFunnel(this IServiceCollection services, IConfiguration config)
    {
        services.AddHelpdeskWebhook(config);
        services.AddSingleton<ContactDeliveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<ContactDeliveryService>());
        services.AddSingleton<TicketEvents>();
        services.AddSingleton<ArticleFeedbackService>();
        services.AddSingleton<ArticleViews>();
        services.AddHostedService<ArticleViewWriter>();
        services.AddSingleton<ContactFunnel>();
        services.AddSingleton<ContactRequests>();
        services.AddSingleton<ContactPageBuilder>();
        services.AddSingleton<TicketCategoryReports>();
        services.AddSingleton<AuthorReports>();
        return services;
    }
}
