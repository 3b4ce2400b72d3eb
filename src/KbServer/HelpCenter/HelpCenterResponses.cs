using System.Security.Cryptography;
using System.Text;
using KbCore.Content;
using KbCore.Themes;
using KbCore.Themes.Models;

namespace KbServer.HelpCenter;

/// <summary>Writes themed pages: ETags, 304s, cache headers, and error pages that never depend on what was asked for.</summary>
internal sealed class HelpCenterResponses(ThemeRenderer themes, PageCache cache, SeoViewBuilder seo, PublicUrls urls, ILogger<HelpCenterResponses> logger)
{
    // Pages revalidate on every view: cheap with ETags, and a push shows up at once.
    private const string PageCacheControl = "public, max-age=0, must-revalidate";

    public string Theme => themes.ActiveTheme;

    /// <summary>
    /// Serves a page cached by (commit, theme, path), answering 304 when the browser has it.
    /// Pages whose key comes from free input (search) are not cached, so nobody can fill the cache; nor are
    /// team members' pages, which may show internal articles. <paramref name="build"/> must build the view for
    /// <see cref="HelpCenterAudience.IsTeam"/>'s answer.
    /// </summary>
    /// <param name="status">200, or 400 for a form shown again with its errors (never cached).</param>
    /// <param name="asVisitor">Render as an anonymous visitor sees it even for a team member (previews); still private to them.</param>
    public async Task WritePageAsync(HttpContext context, ContentSnapshot snapshot, string key, Func<(string Template, object Page, string Title, string Description)> build, bool cacheable = true, int status = StatusCodes.Status200OK, bool asVisitor = false)
    {
        // A team member's page (internal articles, edit links) has its own ETag and never enters the shared cache.
        var team = HelpCenterAudience.IsTeam(context);
        var internalShown = team && !asVisitor;
        // Pages hold absolute URLs: without HelpCenter:BaseUrl those depend on the host asked for, so the host is part of the key.
        var etag = ETag(snapshot.CommitSha, themes.ActiveTheme + "." + themes.Version + (internalShown ? ".team" : string.Empty), urls.Base(context) + "\n" + key);
        if (cacheable && NotModified(context, etag))
        {
            HelpCenterAudience.SetCaching(context, team, PageCacheControl);
            context.Response.Headers.ETag = etag;
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        byte[] body;
        try
        {
            byte[] Render()
            {
                var (template, page, title, description) = build();
                // A preview shows a change request's unpublished text: never for search engines.
                var meta = asVisitor ? SeoView.NoIndex : seo.For(context, snapshot, key, page, title, description);
                return Encoding.UTF8.GetBytes(themes.Render(template, page, HelpCenterViewBuilder.Site(snapshot, themes.ActiveTheme, includeInternal: internalShown), title, description, meta));
            }

            body = cacheable && !team ? cache.GetOrAdd(etag, Render) : Render();
        }
        catch (ThemeException e)
        {
            logger.LogError("Theme error: {Message}", e.Message);
            context.Response.Headers.CacheControl = "no-store";
            var page = BuiltInErrorPage.Render(500, "Something went wrong", "This page could not be displayed.", e.Message);
            await WriteHtmlAsync(context, StatusCodes.Status500InternalServerError, Encoding.UTF8.GetBytes(page)).ConfigureAwait(false);
            return;
        }

        HelpCenterAudience.SetCaching(context, team, cacheable ? PageCacheControl : "no-cache");
        if (cacheable)
        {
            context.Response.Headers.ETag = etag;
        }

        await WriteHtmlAsync(context, status, body).ConfigureAwait(false);
    }

    /// <summary>
    /// The error page. Identical for a missing path and a hidden one (internal article or image),
    /// so anonymous visitors cannot tell them apart.
    /// </summary>
    public async Task WriteErrorAsync(HttpContext context, ContentSnapshot snapshot, int status)
    {
        var (title, message) = status switch
        {
            404 => ("Page not found", "We couldn’t find that page. It may have moved, or the link may be mistyped. Try searching, or browse the categories below."),
            400 => ("Bad request", $"That request isn’t valid. Searches are limited to {KbCore.Search.SearchRequest.MaxQueryLength} characters."),
            _ => ("Something went wrong", "An unexpected error occurred on our side. Please try again in a moment."),
        };
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Remove("ETag");
        byte[] body;
        try
        {
            var site = HelpCenterViewBuilder.Site(snapshot, themes.ActiveTheme, includeInternal: false);
            body = Encoding.UTF8.GetBytes(themes.Render("error", new ErrorView(status, title, message), site, title, string.Empty, SeoView.NoIndex));
        }
        catch (ThemeException e)
        {
            logger.LogError("Theme error while rendering the {Status} page: {Message}", status, e.Message);
            body = Encoding.UTF8.GetBytes(BuiltInErrorPage.Render(status, title, message, e.Message));
        }

        await WriteHtmlAsync(context, status, body).ConfigureAwait(false);
    }

    public static bool NotModified(HttpContext context, string etag)
    {
        var header = context.Request.Headers.IfNoneMatch.ToString();
        return header.Length > 0 && (header == "*" || header.Split(',').Any(t => t.Trim() == etag));
    }

    private static async Task WriteHtmlAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body).ConfigureAwait(false);
        }
    }

    private static string ETag(string commit, string theme, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"\"{(commit.Length >= 12 ? commit[..12] : "empty")}-{theme}-{Convert.ToHexStringLower(hash, 0, 8)}\"";
    }
}
