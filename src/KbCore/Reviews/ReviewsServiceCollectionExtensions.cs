using Microsoft.Extensions.DependencyInjection;

namespace KbCore.Reviews;

public static class ReviewsServiceCollectionExtensions
{
    /// <summary>Change requests: drafts on their own branches, reviews and merges.</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.AddSingleton<ChangeRequests>();
        return services;
    }
}
