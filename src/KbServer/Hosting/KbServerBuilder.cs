using KbServer.Api;
using KbServer.Api.Docs;
using KbServer.Auth;
using KbServer.HelpCenter;
using KbServer.Hosting.Logging;
using KbServer.Hosting.Operations;

namespace KbServer.Hosting;

/// <summary>Everything the web server registers; the command line registers only the parts it needs (CommandHost).</summary>
internal static class KbServerBuilder
{
    public static WebApplicationBuilder AddKnowledgeBaseServer(this WebApplicationBuilder builder)
    {
        // From a checkout the content root is the repository root: the shipped settings are read from the build output.
        builder.Configuration.UseShippedSettings(builder.Environment);

        // Paths, headers and form values reach log lines: none may forge a line, repaint the terminal or show a secret.
        builder.Logging.MakeLogLinesSafe();

        var services = builder.Services;
        services.AddKnowledgeBase(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddSingleton<HelpCenterResponses>();
        services.AddKbAuth(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddStudio();
        services.AddSupportFunnel(builder.Configuration);
        services.AddKbRateLimits(builder.Configuration);
        services.AddKbOperations(builder.Configuration);
        services.AddKbOpenApi();
        return builder;
    }
}
