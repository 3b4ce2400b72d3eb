using System.IO.Compression;
using KbCore.Accounts;
using KbCore.Content;
using KbServer.Auth;
using KbServer.Hosting;
using LibGit2Sharp;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace KbServer.GitHttp;

/// <summary>
/// <c>/content.git</c>: clone and push over smart HTTP, for people with a personal token (Basic auth, any user name).
/// Pushes are checked before git sees them (branch names, deleting the published branch) and again, with the pushed
/// objects, from git's pre-receive hook (<see cref="PushVerdicts"/>); they run under the single writer's lock, and
/// reach readers through the same content-changed event as web saves.
/// </summary>
internal static class GitHttpEndpoints
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Post];

    public static IEndpointRouteBuilder MapGitHttp(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/content.git/{**rest}", Methods, HandleAsync)
            .RequireAuthorization(KbPolicies.Scope(TokenScopes.ArticlesRead))
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        return app;
    }

    private static async Task HandleAsync(
        HttpContext context, string? rest, ContentRepository repository, ContentStore store, ContentWriteLock writeLock,
        IAuthorizationService authorization, IOptions<ContentOptions> options, GitHookFolder hooks, ILoggerFactory loggers, KbCore.Reviews.ChangeRequests changes, KbCore.Telemetry.KbMetrics metrics, HelpCenter.PublicUrls urls)
    {
        rest ??= string.Empty;
        var service = context.Request.Query["service"].ToString();
        var push = rest == "git-receive-pack" || (rest == "info/refs" && service == "git-receive-pack");
        var known = (rest == "info/refs" && service is "git-upload-pack" or "git-receive-pack" && HttpMethods.IsGet(context.Request.Method)) ||
                    (rest is "git-upload-pack" or "git-receive-pack" && HttpMethods.IsPost(context.Request.Method));
        if (!known)
        {
            // Smart HTTP only: no dumb-protocol file access into the repository.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (push && (!CurrentAuthor.ViaToken(context.User) ||
            !(await authorization.AuthorizeAsync(context.User, KbPolicies.Scope(TokenScopes.ArticlesWrite)).ConfigureAwait(false)).Succeeded))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("Pushing needs a personal API token with the articles:write scope.\n").ConfigureAwait(false);
            return;
        }

        // A fresh installation seeds its repository on first use: never serve it half-created.
        repository.EnsureCreated();
        var logger = loggers.CreateLogger("KbServer.GitHttp");
        var pusher = CurrentAuthor.Reviewer(context.User);
        var user = CurrentAuthor.Of(context.User).Email;
        var config = new Dictionary<string, string>
        {
            ["core.hooksPath"] = hooks.Path,
            ["receive.fsckObjects"] = "true",
            ["receive.maxInputSize"] = "200m",
            ["receive.shallowUpdate"] = "false",
        };
        if (rest != "git-receive-pack")
        {
            await GitBackend.RunAsync(context, repository.Path, rest, user, context.Request.Body, bodyPrefix: null, config, logger).ConfigureAwait(false);
            return;
        }

        // A push: read its command list first and refuse bad ones before any git process runs.
        var body = context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
            : context.Request.Body;
        await using (body.ConfigureAwait(false))
        {
            if (await PktLine.ReadCommandsAsync(body, context.RequestAborted).ConfigureAwait(false) is not { } parsed)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var branch = "refs/heads/" + options.Value.Branch;
            var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (reference, invalid) in PushInspection.RefReasons(parsed.Commands, PushInspection.ExistingRefs(new BoundedGit(repository.Path, new Dictionary<string, string>()))))
            {
                reasons.TryAdd(reference, "invalid branch name: " + invalid);
            }

            foreach (var command in parsed.Commands.Where(c => !reasons.ContainsKey(c.Ref)))
            {
                if (command.Ref == branch && command.IsDelete)
                {
                    reasons[command.Ref] = $"{options.Value.Branch} cannot be deleted: it is what customers see";
                }
                else if (command.Ref == branch && !changes.Policy().MayPublishDirectly(pusher.Roles))
                {
                    reasons[command.Ref] = $"{options.Value.Branch} needs review under this repository's policy: push a branch instead, which opens a change request";
                }
                else if (command.Ref != branch &&
                    await changes.FindOpenByBranchAsync(command.Ref["refs/heads/".Length..], context.RequestAborted).ConfigureAwait(false) is { } open &&
                    !KbCore.Reviews.ChangeRequests.MayWrite(open, pusher))
                {
                    reasons[command.Ref] = $"this branch is change request #{open.Id} by {open.AuthorName}; push your own branch to propose more";
                }
            }

            if (reasons.Count > 0)
            {
                await body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
                await PushRefusal.WriteAsync(context.Response, parsed.Commands, reasons, parsed.Capabilities, string.Join('\n', reasons.Select(r => $"{r.Key}: {r.Value}"))).ConfigureAwait(false);
                return;
            }

            config["receive.denyDeleteCurrent"] = "true";
            var sideband = parsed.Capabilities.Contains("side-band-64k") || parsed.Capabilities.Contains("side-band");
            using (await writeLock.AcquireAsync(context.RequestAborted).ConfigureAwait(false))
            {
                var before = Tips(repository, parsed.Commands);

                // Once git has updated the refs, and before the client is told the push is over, so it can say where the change request is.
                async Task<IReadOnlyList<string>> PublishAsync()
                {
                    var after = Tips(repository, parsed.Commands);
                    if (after.Any(t => t.Value != before[t.Key]))
                    {
                        metrics.Pushed();
                    }

                    if (after[branch] != before[branch])
                    {
                        store.Refresh();
                    }

                    // Every other branch that moved is a change request: opened for a new branch, reset to "in review" for a known one.
                    var links = new List<string>();
                    foreach (var pushed in after.Where(t => t.Key != branch && t.Value is not null && t.Value != before[t.Key]))
                    {
                        var request = await changes.PushedAsync(pushed.Key["refs/heads/".Length..], pusher, CancellationToken.None).ConfigureAwait(false);
                        // HelpCenter:BaseUrl when set: behind a proxy the request's own host is not the one people open.
                        links.Add($"Change request #{request.Id}: {urls.Absolute(context, $"/studio/changes/{request.Id}")}");
                    }

                    return sideband ? links : [];
                }

                using var verdicts = new PushVerdicts(hooks.PushesPath, repository.Path, branch, options.Value.MaxImagePixels, logger);
                await GitBackend.RunAsync(context, repository.Path, rest, user, body, parsed.Raw, config, logger, new Dictionary<string, string>
                {
                    ["KB_BRANCH"] = options.Value.Branch,
                    ["KB_MAY_PUBLISH"] = changes.Policy().MayPublishDirectly(pusher.Roles) ? "1" : "0",
                    ["KB_PUSH_DIR"] = verdicts.Folder,
                }, PublishAsync).ConfigureAwait(false);
            }
        }
    }

    private static Dictionary<string, string?> Tips(ContentRepository repository, IEnumerable<PushCommand> commands)
    {
        using var repo = repository.Open();
        return commands.Select(c => c.Ref).Distinct(StringComparer.Ordinal).Append("refs/heads/" + repository.Branch).Distinct(StringComparer.Ordinal)
            .ToDictionary(r => r, r => repo.Refs[r]?.TargetIdentifier, StringComparer.Ordinal);
    }
}
