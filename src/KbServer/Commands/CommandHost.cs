using KbCore.Content;
using KbServer.Hosting;
using KbServer.Hosting.Logging;

namespace KbServer.Commands;

/// <summary>
/// Services for a command: the same configuration sources as the server (appsettings, environment,
/// <c>--Key=value</c> flags) and the same registrations, without the web host. Commands never create
/// the content repository.
/// </summary>
internal static class CommandHost
{
    public static IHost Build(IReadOnlyList<string> configArgs, Action<IServiceCollection, IConfiguration, string>? more = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configArgs.ToArray(),
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning).MakeLogLinesSafe();
        builder.Services.AddKnowledgeBase(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.PostConfigure<ContentOptions>(o => o.CreateIfMissing = false);
        more?.Invoke(builder.Services, builder.Configuration, builder.Environment.ContentRootPath);
        return builder.Build();
    }
}
