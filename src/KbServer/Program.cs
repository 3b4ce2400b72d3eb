using KbServer.Commands;
using KbServer.Hosting;

// One executable: a command (check, ...) runs and exits; no command serves the help center.
if (KbCommandLine.IsCommand(args))
{
    return await KbCommandLine.RunAsync(args).ConfigureAwait(false);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddKnowledgeBaseServer();

var app = builder.Build();

// Errors, security headers, status pages, assets; then routing, sign-in, authorization, rate limits (KbPipeline).
app.UseKnowledgeBase();

app.MapOperations();
app.MapIntegrations();
app.MapGit();
app.MapStudio();
app.MapPublicHelpCenter();

await app.RunAsync().ConfigureAwait(false);
return 0;
