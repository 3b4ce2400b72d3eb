using KbServer.Api;
using KbServer.Api.Docs;
using KbServer.Auth;
using KbServer.GitHttp;
using KbServer.Commands;
using KbServer.HelpCenter;
using KbServer.Hosting;
using KbServer.Hosting.Logging;
using KbServer.Hosting.Operations;

// One executable: a command (check, ...) runs and exits; no command serves the help center.
if (KbCommandLine.IsCommand(args))
{
    return await KbCommandLine.RunAsync(args).ConfigureAwait(false);
}

var builder = WebApplication.CreateBuilder(args);

// From a checkout the content root is the repository root: the shipped settings are read from the build output.
builder.Configuration.UseShippedSettings(builder.Environment);

// Paths, headers and form values reach log lines: none may forge a line, repaint the terminal or show a secret.
builder.Logging.MakeLogLinesSafe();
builder.Services.AddKnowledgeBase(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton<HelpCenterResponses>();
builder.Services.AddKbAuth(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddStudio();
builder.Services.AddSupportFunnel(builder.Configuration);
builder.Services.AddKbRateLimits(builder.Configuration);
builder.Services.AddKbOperations(builder.Configuration);
builder.Services.AddKbOpenApi();

var app = builder.Build();

// Errors: themed pages, and never a stack trace to a visitor.
app.UseExceptionHandler(error => error.Run(context =>
    context.RequestServices.GetRequiredService<HelpCenterResponses>()
        .WriteErrorAsync(context, context.RequestServices.GetRequiredService<KbCore.Content.ContentStore>().Current, StatusCodes.Status500InternalServerError)));
app.UseSecurityHeaders();
app.UseStudioStatusPages();
app.UseStudioAssets();

// After the status pages, so a re-executed request is routed again.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealth();
app.MapKbOperations();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapApiReference();
app.MapSearchApi();
app.MapReportsApi();
app.MapArticlesApi();
app.MapChangesApi();
app.MapSuggestionsApi();
app.MapTicketEventsApi();
app.MapFeedbackApi();
app.MapRecentChangesFeed();
app.MapGitHttp();
app.MapChangePreview();
app.MapRazorPages();
app.MapContact();
app.MapSearchEngines();
app.MapHelpCenter();

await app.RunAsync().ConfigureAwait(false);
return 0;
