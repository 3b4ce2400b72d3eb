using KbCore.Content;
using KbCore.Rendering;
using KbCore.Search;
using KbCore.Themes;
using KbServer.HelpCenter;

namespace KbServer.Hosting;

internal static class KbServiceCollectionExtensions
{
    /// <summary>Content store, rendering and themes, with paths resolved against the content root.</summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var data = KbPaths.DataDirectory(config, contentRoot);

        // First: its hosted services migrate the database before any other starts.
        services.AddKbDatabase(config, data);
        services.AddOptions<ContentOptions>()
            .Bind(config.GetSection(ContentOptions.Section))
            .PostConfigure(o =>
            {
                o.Repository = Path.GetFullPath(o.Repository ?? Path.Combine(data, "content.git"), contentRoot);
                o.SeedDirectory = KbPaths.FindShipped(o.SeedDirectory, "content", contentRoot);
            })
            .Validate(o => o.DefaultVisibility is "public" or "internal", "Content:DefaultVisibility must be `public` or `internal`")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Branch), "Content:Branch must not be empty")
            .Validate(o => o.MaxImagePixels > 0, "Content:MaxImagePixels must be a positive number of pixels")
            .ValidateOnStart();
        services.AddOptions<ThemeOptions>()
            .Bind(config.GetSection(ThemeOptions.Section))
            .PostConfigure(o => o.Directory = KbPaths.FindShipped(config["Themes:Directory"], "themes", contentRoot) ?? Path.Combine(contentRoot, "themes"));

        services.AddOptions<SearchOptions>()
            .Bind(config.GetSection(SearchOptions.Section))
            .PostConfigure(o => o.IndexDirectory = Path.GetFullPath(o.IndexDirectory ?? Path.Combine(data, "index"), contentRoot));
        services.AddSingleton<SearchIndex>();
        services.AddOptions<KbCore.Search.Semantic.SemanticOptions>()
            .Bind(config.GetSection(KbCore.Search.Semantic.SemanticOptions.Section))
            .PostConfigure(o => o.CacheDirectory = Path.GetFullPath(o.CacheDirectory ?? Path.Combine(data, "vectors"), contentRoot));
        services.AddSingleton<KbCore.Search.Semantic.SemanticIndex>();
        services.AddSingleton<ArticleSearcher>();

        // Searches and writes record into it; only an exporter (docs/operations.md) makes the records go anywhere.
        services.AddSingleton<KbCore.Telemetry.KbMetrics>();
        services.AddSingleton<ContentRepository>();
        services.AddSingleton<ContentStore>();
        services.AddSingleton<ContentWriteLock>();
        services.AddSingleton<ContentWriter>();
        services.AddSingleton<ArticleRevisions>();
        services.AddSingleton<KbCore.Reviews.ChangeRequests>();
        services.AddSingleton(_ => new GitHttp.GitHookFolder(GitHttp.GitHooks.Install(data)));
        services.AddSingleton<ArticleHtmlSanitizer>();
        services.AddSingleton<ArticleRenderer>();
        services.AddSingleton<PublicAssetIndex>();
        services.AddSingleton<ThemeRenderer>();
        services.AddSingleton<HelpCenterViewBuilder>();
        services.AddOptions<HelpCenterOptions>()
            .Bind(config.GetSection(HelpCenterOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<HelpCenterOptions>, HelpCenterOptionsValidator>();
        services.AddSingleton<PublicUrls>();
        services.AddSingleton<SeoViewBuilder>();
        services.AddSingleton<Sitemaps>();
        services.AddSingleton<PageCache>();
        services.AddSingleton<SearchPageBuilder>();
        services.AddHostedService<ContentWatcher>();
        services.AddHostedService<IndexingService>();
        services.AddHostedService<SemanticIndexingService>();
        return services;
    }
}
