using KbServer.Auth;
using Microsoft.Extensions.FileProviders;

namespace KbServer.Hosting;

internal static class StudioSetup
{
    /// <summary>Razor Pages under /studio: every page needs a signed-in session unless it opts out; admin pages need Admin.</summary>
    public static IServiceCollection AddStudio(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Studio", KbPolicies.StudioMember);
            o.Conventions.AuthorizeFolder("/Studio/Admin", KbPolicies.StudioAdmin);
        });
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddSingleton<Pages.Studio.SettingsFileSaver>();

        // Where to find the studio, and the first admin's setup link, said once at start.
        services.AddSingleton(new ServerConsole(Console.Out));
        services.AddHostedService<StartupBlock>();
        return services;
    }

    /// <summary>Empty error responses under /studio get a studio page; the help center writes its own.</summary>
    public static IApplicationBuilder UseStudioStatusPages(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/studio"),
            studio =>
            {
                // The team sees the studio's own error page, never the customers' themed one.
                studio.UseExceptionHandler("/studio/status/500");
                studio.UseStatusCodePagesWithReExecute("/studio/status/{0}");
            });

    public static IApplicationBuilder UseStudioAssets(this IApplicationBuilder app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "StudioAssets");
        Directory.CreateDirectory(root);
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/studio-assets",
            FileProvider = new PhysicalFileProvider(root),
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}
