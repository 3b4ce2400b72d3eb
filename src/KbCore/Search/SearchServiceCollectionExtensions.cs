using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KbCore.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The Lucene index, the semantic index and the searcher over both; the host says where their files live.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SearchOptions>().Bind(config.GetSection(SearchOptions.Section));
        services.AddSingleton<SearchIndex>();
        services.AddOptions<Semantic.SemanticOptions>().Bind(config.GetSection(Semantic.SemanticOptions.Section));
        services.AddSingleton<Semantic.SemanticIndex>();
        services.AddSingleton<ArticleSearcher>();
        return services;
    }
}
