using Microsoft.Extensions.DependencyInjection;

namespace KbCore.Rendering;

public static class RenderingServiceCollectionExtensions
{
    /// <summary>Markdown to sanitized HTML, and the index of the assets articles may link to.</summary>
    public static IServiceCollection AddRendering(this IServiceCollection services)
    {
        services.AddSingleton<ArticleHtmlSanitizer>();
        services.AddSingleton<ArticleRenderer>();
        services.AddSingleton<PublicAssetIndex>();
        return services;
    }
}
