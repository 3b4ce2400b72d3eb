using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KbCore.Themes;

public static class ThemesServiceCollectionExtensions
{
    /// <summary>Liquid themes; the host says where the theme folders are.</summary>
    public static IServiceCollection AddThemes(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ThemeOptions>().Bind(config.GetSection(ThemeOptions.Section));
        services.AddSingleton<ThemeRenderer>();
        return services;
    }
}
