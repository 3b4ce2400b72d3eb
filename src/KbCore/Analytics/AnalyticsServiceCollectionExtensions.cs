using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KbCore.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>The search log, votes, page views and the reports over them; the host runs the writers that drain their queues.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AnalyticsOptions>().Bind(config.GetSection(AnalyticsOptions.Section))
            .Validate(o => o.SearchLogRetentionDays >= 1, "Analytics:SearchLogRetentionDays must be at least 1").ValidateOnStart();
        services.AddSingleton<SearchLog>();
        services.AddSingleton<SearchReports>();
        services.AddSingleton<ArticleFeedbackService>();
        services.AddSingleton<ArticleViews>();
        services.AddSingleton<TicketCategoryReports>();
        services.AddSingleton<AuthorReports>();
        return services;
    }
}
