using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KbCore.Analytics;
using KbCore.Content;
using KbCore.TicketCategories;
using KbServer.Api.Docs;
using KbServer.Auth;

namespace KbServer.Api;

/// <summary>
/// "Was this helpful?": <c>POST /api/v1/feedback</c> with JSON <c>{path, helpful, comment?}</c> (the article page's
/// script), or the same fields as a form (without script: answered with a redirect back to the article). Anonymous,
/// one vote per browser per article (a random cookie, stored only hashed with the path), rate limited per address.
/// </summary>
internal static class FeedbackApi
{
    private const string VoterCookie = "kb.voter";
    private const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/feedback", VoteAsync)
            .RequireRateLimiting(ApiRateLimits.PerVisitor)
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes))
            .WithTags("Help center")
            .WithSummary("Vote on an article: was it helpful?")
            .WithDescription("The article page's \"Was this helpful?\" buttons. JSON `{path, helpful, comment?}` (comment up to 1000 characters), or the same fields as a form from the help center's own pages (answered with a redirect back to the article). One vote per browser per article. Internal articles take votes from signed-in team members only (404 otherwise).")
            .WithResponseExample(StatusCodes.Status201Created, "Counted", ResponseExamples.Vote)
            .WithResponseExample(StatusCodes.Status200OK, "This browser already voted on the article: not counted again", ResponseExamples.VoteRepeated)
            .WithEmptyResponse(StatusCodes.Status302Found, "A form post: back to the article")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    private static async Task<IResult> VoteAsync(HttpContext http, ContentStore store, ArticleFeedbackService feedback, KbCore.Telemetry.KbMetrics metrics)
    {
        var isForm = http.Request.HasFormContentType;
        string? path;
        bool? helpful;
        string? comment;
        if (isForm)
        {
            // A form can be posted from any site; only our own pages may (Origin/Referer, as browsers send them).
            if (!SameOrigin(http))
            {
                return Results.Problem(statusCode: 403, title: "Cross-site vote", detail: "Votes are accepted from the help center's own pages.");
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
            path = form["path"];
            helpful = form["helpful"].ToString() switch { "yes" or "true" => true, "no" or "false" => false, _ => null };
            comment = TextInput.Clean(form["comment"].ToString()) is { Length: > 0 } c ? c : null;
        }
        else
        {
            var (document, problem) = await LimitedJsonBody.ReadAsync(http, MaxBodyBytes).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            using (document)
            {
                var root = document!.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return ApiProblems.Invalid("$", "the body must be a JSON object");
                }

                path = JsonFields.Text(root, "path", out _);
                comment = JsonFields.Text(root, "comment", out var badComment);
                if (badComment)
                {
                    return ApiProblems.Invalid("comment", "`comment` must be text");
                }

                helpful = root.TryGetProperty("helpful", out var h) && h.ValueKind is JsonValueKind.True or JsonValueKind.False ? h.GetBoolean() : null;
            }
        }

        var key = path is null ? null : HelpCenter.ContentPaths.Normalize(path.TrimStart('/'));
        var snapshot = store.Current;
        var member = http.User.Identity?.IsAuthenticated == true && !CurrentAuthor.ViaToken(http.User);
        if (key is null || !snapshot.Articles.TryGetValue(key, out var article) || !(article.IsPublic || member))
        {
            return Results.Problem(statusCode: 404, title: "No such article", detail: $"There is no article at `{path}`.");
        }

        if (helpful is null)
        {
            return ApiProblems.Invalid("helpful", "`helpful` must be true or false");
        }

        if (comment?.Length > ArticleFeedback.MaxCommentLength)
        {
            return ApiProblems.Invalid("comment", $"`comment` is limited to {ArticleFeedback.MaxCommentLength} characters");
        }

        var counted = await feedback.VoteAsync(article, helpful.Value, comment, VoterKey(http, article.Path), http.RequestAborted).ConfigureAwait(false);
        if (counted)
        {
            metrics.Voted(helpful.Value);
        }

        if (isForm)
        {
            return Results.Redirect(KbCore.Rendering.HelpCenterUrls.ForPath(article.Path) + "?voted=" + (helpful.Value ? "yes" : "no") + "#feedback");
        }

        return Results.Json(new { counted, helpful = helpful.Value }, statusCode: counted ? 201 : 200);
    }

    /// <summary>A hash of the browser's random cookie and the path: one vote per browser per article, and no way to link a browser's votes.</summary>
    private static string VoterKey(HttpContext http, string path)
    {
        var voter = http.Request.Cookies[VoterCookie];
        if (voter is not { Length: 32 } || !voter.All(char.IsAsciiHexDigitLower))
        {
            voter = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            http.Response.Cookies.Append(VoterCookie, voter, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(voter + "\n" + path)));
    }

    private static bool SameOrigin(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            origin = http.Request.Headers.Referer.ToString();
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
