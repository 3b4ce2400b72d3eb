using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KbCore.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>The git store and its writers; the host says where the repository lives (PostConfigure of <see cref="ContentOptions"/>).</summary>
    public static IServiceCollection AddContent(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ContentOptions>()
            .Bind(config.GetSection(ContentOptions.Section))
            .Validate(o => o.DefaultVisibility is "public" or "internal", "Content:DefaultVisibility must be `public` or `internal`")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Branch), "Content:Branch must not be empty")
            .Validate(o => o.MaxImagePixels > 0, "Content:MaxImagePixels must be a positive number of pixels")
            .ValidateOnStart();
        services.AddSingleton<ContentRepository>();
        services.AddSingleton<ContentStore>();
        services.AddSingleton<ContentWriteLock>();
        services.AddSingleton<ContentWriter>();
        services.AddSingleton<ArticleRevisions>();
        services.AddSingleton<EditorDrafts>();
        return services;
    }
}
