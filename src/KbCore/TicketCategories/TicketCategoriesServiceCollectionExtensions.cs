using Microsoft.Extensions.DependencyInjection;

namespace KbCore.TicketCategories;

public static class TicketCategoriesServiceCollectionExtensions
{
    /// <summary>Ticket events from the helpdesk, stored for the support reports.</summary>
    public static IServiceCollection AddTicketCategories(this IServiceCollection services)
    {
        services.AddSingleton<TicketEvents>();
        return services;
    }
}
