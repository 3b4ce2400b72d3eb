using KbServer.Hosting;

namespace KbServer.Commands;

/// <summary>Services for a command: the server's configuration sources and registrations, without the web host.</summary>
internal static class CommandHost
{
    public static ServiceProvider Build(IReadOnlyList<string> configArgs)
    {
        var contentRoot = Directory.GetCurrentDirectory();
        var config = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(configArgs.ToArray())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddKnowledgeBase(config, contentRoot);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
