using Microsoft.Extensions.DependencyInjection;

namespace KbCore.Contact;

public static class ContactServiceCollectionExtensions
{
    /// <summary>The contact funnel and the requests it sends on to the helpdesk.</summary>
    public static IServiceCollection AddContact(this IServiceCollection services)
    {
        services.AddSingleton<ContactFunnel>();
        services.AddSingleton<ContactRequests>();
        return services;
    }
}
