using System.Security.Cryptography;
using System.Text;
using KbCore.Content;
using Microsoft.Extensions.Options;

namespace KbServer.HelpCenter;

/// <summary><c>/robots.txt</c>, <c>/sitemap.xml</c> and the numbered sitemaps of a large help center.</summary>
internal static class SearchEngineEndpoints
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    // The team's and the machines' parts: nothing there is for a search engine (and /search/click only redirects).
    // Each ends with a slash so that a category such as /studio-lighting stays crawlable.
    private static readonly string[] Disallowed = ["/studio/", "/api/", "/openapi/", "/content.git/", "/search/click"];

    public static IEndpointRouteBuilder MapSearchEngines(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/robots.txt", GetOrHead, RobotsAsync);
        app.MapMethods("/sitemap.xml", GetOrHead, (HttpContext context, ContentStore store, Sitemaps sitemaps, PublicUrls urls, HelpCenterResponses pages) =>
            SitemapAsync(context, store, sitemaps, urls, pages, 0));
        app.MapMethods("/sitemap-{number:int}.xml", GetOrHead, (HttpContext context, int number, ContentStore store, Sitemaps sitemaps, PublicUrls urls, HelpCenterResponses pages) =>
            SitemapAsync(context, store, sitemaps, urls, pages, Math.Max(number, 0) == 0 ? -1 : number));
        return app;
    }

    private static Task RobotsAsync(HttpContext context, IOptions<HelpCenterOptions> options, PublicUrls urls)
    {
        var settings = options.Value;
        var text = new StringBuilder("User-agent: *\n");
        if (settings.RobotsDisallowAll)
        {
            text.Append("Disallow: /\n");
        }
        else
        {
            foreach (var path in Disallowed)
            {
                text.Append("Disallow: ").Append(path).Append('\n');
            }
        }

        foreach (var line in settings.Robots)
        {
            text.Append(line.Trim()).Append('\n');
        }

        if (!settings.RobotsDisallowAll)
        {
            text.Append("\nSitemap: ").Append(urls.Absolute(context, "/sitemap.xml")).Append('\n');
        }

        context.Response.Headers.CacheControl = "public, max-age=3600";
        return WriteAsync(context, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static async Task SitemapAsync(HttpContext context, ContentStore store, Sitemaps sitemaps, PublicUrls urls, HelpCenterResponses pages, int number)
    {
        var snapshot = store.Current;
        var baseUrl = urls.Base(context);
        var body = number < 0 ? null : sitemaps.File(snapshot, baseUrl, number);
        if (body is null)
        {
            await pages.WriteErrorAsync(context, snapshot, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        // Like the pages: valid for one commit (and base URL), revalidated on every fetch.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(baseUrl)), 0, 8);
        var etag = $"\"{(snapshot.CommitSha.Length >= 12 ? snapshot.CommitSha[..12] : "empty")}-sitemap{number}-{hash}\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "public, max-age=0, must-revalidate";
        if (HelpCenterResponses.NotModified(context, etag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        await WriteAsync(context, "application/xml; charset=utf-8", body).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, string type, byte[] body)
    {
        context.Response.ContentType = type;
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body).ConfigureAwait(false);
        }
    }
}
