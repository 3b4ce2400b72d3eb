using KbCore.Content;
using KbServer.HelpCenter;

namespace KbServer.Hosting;

/// <summary>The middleware, in an order that matters: each step says why it sits where it does.</summary>
internal static class KbPipeline
{
    public static WebApplication UseKnowledgeBase(this WebApplication app)
    {
        // Errors: themed pages, and never a stack trace to a visitor.
        app.UseExceptionHandler(error => error.Run(context =>
            context.RequestServices.GetRequiredService<HelpCenterResponses>()
                .WriteErrorAsync(context, context.RequestServices.GetRequiredService<ContentStore>().Current, StatusCodes.Status500InternalServerError)));
        app.UseSecurityHeaders();
        app.UseStudioStatusPages();
        app.UseStudioAssets();

        // After the status pages, so a re-executed request is routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }
}
