using KbCore.Accounts;
using KbCore.Analytics;
using KbCore.Contact;
using KbCore.Content;
using KbCore.Rendering;
using KbCore.Reviews;
using KbCore.Search;
using KbCore.Telemetry;
using KbCore.Themes;
using KbCore.TicketCategories;
using KbServer.HelpCenter;

namespace KbServer.Hosting;

internal static class KbServiceCollectionExtensions
{
    /// <summary>
    /// The database, KbCore's features and the help center, with paths resolved against the content root. The server
    /// and the command line both start from here.
    /// </summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var data = KbPaths.DataDirectory(config, contentRoot);

        // First: its hosted services migrate the database before any other starts.
        services.AddKbDatabase(config, data);
        services.AddContent(config).AddOptions<ContentOptions>().PostConfigure(o =>
        {
            o.Repository = Path.GetFullPath(o.Repository ?? Path.Combine(data, "content.git"), contentRoot);
            o.SeedDirectory = KbPaths.FindShipped(o.SeedDirectory, "content", contentRoot);
        });
        services.AddThemes(config).AddOptions<ThemeOptions>()
            .PostConfigure(o => o.Directory = KbPaths.FindShipped(config["Themes:Directory"], "themes", contentRoot) ?? Path.Combine(contentRoot, "themes"));
        services.AddSearch(config);
        services.AddOptions<SearchOptions>()
            .PostConfigure(o => o.IndexDirectory = Path.GetFullPath(o.IndexDirectory ?? Path.Combine(data, "index"), contentRoot));
        services.AddOptions<KbCore.Search.Semantic.SemanticOptions>()
            .PostConfigure(o => o.CacheDirectory = Path.GetFullPath(o.CacheDirectory ?? Path.Combine(data, "vectors"), contentRoot));
        services.AddTelemetry();
        services.AddRendering();
        services.AddReviews();
        services.AddAccounts();
        services.AddAnalytics(config);
        services.AddTicketCategories();
        services.AddContact();

        services.AddSingleton(_ => new GitHttp.GitHookFolder(GitHttp.GitHooks.Install(data)));
        services.AddHelpCenterViews(config);
        services.AddHostedService<ContentWatcher>();
        services.AddHostedService<IndexingService>();
        services.AddHostedService<SemanticIndexingService>();
        return services;
    }

    private static void AddHelpCenterViews(this IServiceCollection services, IConfiguration config)
    {
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
    }
}
