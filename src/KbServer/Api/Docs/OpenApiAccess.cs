using KbServer.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace KbServer.Api.Docs;

/// <summary>
/// Who may call each operation, read from the endpoint's own authorization metadata and resolved through the same
/// policy provider the authorization middleware asks, so the documented scopes are the enforced ones. Adds the
/// security requirement, a sentence in the description, and the problem answers that access rules imply.
/// </summary>
internal static class OpenApiAccess
{
    public const string BearerScheme = "bearer";

    public const string CookieScheme = "studioSession";

    public static OpenApiOptions AddAccessDocumentation(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.AddComponent(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "kb_…",
                Description = "A personal API token (studio → Account → API tokens, or `tokens create`). It carries scopes; each operation lists the ones it needs.",
            });
            document.AddComponent(CookieScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "kb.auth",
                Description = "The studio's sign-in cookie: the browser acts as the signed-in person (their role applies, not token scopes). Writes also need the antiforgery token.",
            });
            return Task.CompletedTask;
        });
        return options.AddOperationTransformer(DescribeAsync);
    }

    private static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var scopes = await ScopesAsync(metadata, context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>()).ConfigureAwait(false);
        var notes = new List<string>();
        if (scopes is null)
        {
            notes.Add("**Access:** public, no token needed.");
        }
        else
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [.. scopes] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] },
            ];
            notes.Add(scopes.Count == 0
                ? "**Access:** any personal token, or the studio's session."
                : $"**Scope:** {string.Join(", ", scopes.Select(s => $"`{s}`"))}. A personal token must carry it; the studio's session cookie works too and acts with the signed-in person's role.");
            await ProblemAsync(operation, context, StatusCodes.Status401Unauthorized, "No token or session, or a revoked or unknown token.", cancellationToken).ConfigureAwait(false);
            await ProblemAsync(operation, context, StatusCodes.Status403Forbidden, "The token lacks the scope, or the person's role does not allow this.", cancellationToken).ConfigureAwait(false);
        }

        // The filter checks writes only: a GET never needs the token.
        if (metadata.OfType<BrowserAntiforgeryMetadata>().Any() && !HttpMethods.IsGet(context.Description.HttpMethod ?? string.Empty))
        {
            notes.Add("From a browser session, send the antiforgery token (the `RequestVerificationToken` header); token callers need none.");
            await ProblemAsync(operation, context, StatusCodes.Status400BadRequest, "Bad request: malformed JSON, or a browser session without the antiforgery token.", cancellationToken).ConfigureAwait(false);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            notes.Add("Rate limited per caller: over the budget for the minute, 429 with `Retry-After`.");
            await ProblemAsync(operation, context, StatusCodes.Status429TooManyRequests, "Too many requests this minute; retry after `Retry-After` seconds.", cancellationToken).ConfigureAwait(false);
        }

        operation.Description = string.Join("\n\n", new[] { operation.Description }.Concat(notes).Where(s => !string.IsNullOrEmpty(s)));
    }

    /// <summary>The scopes a token needs, empty for "any caller who signed in", null for a public endpoint.</summary>
    internal static async Task<IReadOnlyList<string>?> ScopesAsync(IList<object> metadata, IAuthorizationPolicyProvider policies)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return null;
        }

        var requirements = new List<IAuthorizationRequirement>();
        var any = false;
        foreach (var data in metadata.OfType<IAuthorizeData>())
        {
            any = true;
            var policy = data.Policy is { } name ? await policies.GetPolicyAsync(name).ConfigureAwait(false) : await policies.GetDefaultPolicyAsync().ConfigureAwait(false);
            requirements.AddRange(policy?.Requirements ?? []);
        }

        foreach (var policy in metadata.OfType<AuthorizationPolicy>())
        {
            any = true;
            requirements.AddRange(policy.Requirements);
        }

        return any ? requirements.OfType<ScopeRequirement>().Select(r => r.Scope).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() : null;
    }

    /// <summary>A problem answer with the ProblemDetails schema, unless the endpoint already declares that status.</summary>
    internal static async Task ProblemAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description, CancellationToken cancellationToken)
    {
        operation.Responses ??= new OpenApiResponses();
        if (operation.Responses.ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            return;
        }

        // The same component ProducesProblem refers to, so every problem answer points at one ProblemDetails schema.
        if (context.Document?.Components?.Schemas?.ContainsKey(nameof(ProblemDetails)) != true)
        {
            context.Document?.AddComponent(nameof(ProblemDetails), await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken).ConfigureAwait(false));
        }

        var response = ApiDocs.Response(operation, status, description);
        response.Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), context.Document) },
        };
    }
}
