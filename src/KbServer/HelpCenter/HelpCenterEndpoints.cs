using KbCore.Articles;
using KbCore.Content;
using KbCore.Rendering;
using KbCore.Themes.Models;
using Microsoft.AspNetCore.StaticFiles;

namespace KbServer.HelpCenter;

/// <summary>The public help center: home, categories, sections, articles, their files, theme assets.</summary>
internal static class HelpCenterEndpoints
{
    /// <summary>Largest file served from git; bigger attachments belong elsewhere.</summary>
    private const long MaxBlobBytes = 25 * 1024 * 1024;

    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];
    private static readonly FileExtensionContentTypeProvider AssetTypes = new();

    public static IEndpointRouteBuilder MapHelpCenter(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/", GetOrHead, HomeAsync);
        app.MapMethods("/search", GetOrHead, SearchAsync);
        app.MapGet("/search/click", SearchClick);
        app.MapMethods("/assets/{theme}/{**file}", GetOrHead, ThemeAsset);
        app.MapMethods("/{**path}", GetOrHead, ContentAsync);
        return app;
    }

    private static Task HomeAsync(HttpContext context, ContentStore store, HelpCenterResponses pages, HelpCenterViewBuilder views)
    {
        var snapshot = store.Current;
        var team = HelpCenterAudience.IsTeam(context);
        return pages.WritePageAsync(context, snapshot, "/", () => ("home", views.Home(snapshot, includeInternal: team), string.Empty, snapshot.Root.Description));
    }

    private static async Task SearchAsync(HttpContext context, ContentStore store, HelpCenterResponses pages, SearchPageBuilder search)
    {
        var snapshot = store.Current;
        var request = context.Request.Query;
        var query = request["q"].ToString();
        if (query.Length > KbCore.Search.SearchRequest.MaxQueryLength)
        {
            await pages.WriteErrorAsync(context, snapshot, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        var page = int.TryParse(request["page"], out var p) ? Math.Clamp(p, 1, 1000) : 1;
        var view = search.Build(snapshot, query, page, request["category"], request["tag"], request["ticket_category"], SearchPageBuilder.Internal(context), asTyped: request["as_typed"] == "1");
        await pages.WritePageAsync(context, snapshot, "/search", () => ("search", view, query.Length > 0 ? $"Search: {query}" : "Search", string.Empty), cacheable: false).ConfigureAwait(false);
    }

    /// <summary>
    /// Records which result a search led to, then redirects to it. Only visible articles are valid targets,
    /// so this is no open redirect and reveals nothing about internal ones.
    /// </summary>
    private static IResult SearchClick(string? q, string? to, HttpContext context, ContentStore store, KbCore.Analytics.SearchLog log)
    {
        var snapshot = store.Current;
        var path = to is { Length: > 1 } && to[0] == '/' ? ContentPaths.Normalize(to[1..]) : null;
        if (path is null || !snapshot.Articles.TryGetValue(path, out var article) || !HelpCenterViewBuilder.CanSee(article, HelpCenterAudience.IsTeam(context)))
        {
            return Results.Redirect("/search");
        }

        log.RecordClick(q ?? string.Empty, path);
        return Results.Redirect(HelpCenterUrls.ForPath(path));
    }

    private static async Task ContentAsync(HttpContext context, string? path, ContentStore store, HelpCenterResponses pages, HelpCenterViewBuilder views, ContentRepository repository, PublicAssetIndex publicAssets, KbCore.Analytics.ArticleViews counter, PublicUrls urls)
    {
        var snapshot = store.Current;
        var team = HelpCenterAudience.IsTeam(context);
        var key = ContentPaths.Normalize(path);
        if (key is null)
        {
            await pages.WriteErrorAsync(context, snapshot, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        if (snapshot.Articles.TryGetValue(key, out var article) && HelpCenterViewBuilder.CanSee(article, team))
        {
            await pages.WritePageAsync(context, snapshot, key, () => ("article", views.Article(snapshot, article, includeInternal: team), article.Title, article.Metadata.Summary ?? string.Empty)).ConfigureAwait(false);
            if (HttpMethods.IsGet(context.Request.Method) && context.Response.StatusCode == StatusCodes.Status200OK)
            {
                counter.Record(article.Path);
            }

            return;
        }

        if ((article is null || !HelpCenterViewBuilder.CanSee(article, team)) && snapshot.Folders.TryGetValue(key, out var folder) && HelpCenterViewBuilder.CanSee(folder, team))
        {
            var template = folder.Depth == 1 ? "category" : "section";
            await pages.WritePageAsync(context, snapshot, key, () => (template, views.Folder(snapshot, folder, includeInternal: team), folder.Title, folder.Description)).ConfigureAwait(false);
            return;
        }

        if (snapshot.Assets.TryGetValue(key, out var asset) && publicAssets.IsPublic(snapshot, key))
        {
            await WriteBlobAsync(context, asset, repository, pages, snapshot).ConfigureAwait(false);
            return;
        }

        // A moved article, a file name, another case: only to a target the visitor may see, so a redirect never reveals an internal path.
        if (article is null && CanonicalPaths.Resolve(snapshot, key, team) is { } target)
        {
            // Absolute, so the Location is exactly the canonical URL the page names.
            context.Response.Redirect(urls.Absolute(context, HelpCenterUrls.ForPath(target)) + context.Request.QueryString, permanent: true);
            return;
        }

        await pages.WriteErrorAsync(context, snapshot, StatusCodes.Status404NotFound).ConfigureAwait(false);
    }

    private static async Task WriteBlobAsync(HttpContext context, AssetEntry asset, ContentRepository repository, HelpCenterResponses pages, ContentSnapshot snapshot)
    {
        var etag = $"\"{asset.BlobSha}\"";
        context.Response.Headers.ETag = etag;
        // Revalidate every time: an image un-published by a push must not linger in shared caches.
        context.Response.Headers.CacheControl = "public, max-age=0, must-revalidate";
        if (HelpCenterResponses.NotModified(context, etag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var bytes = repository.ReadBlob(asset.BlobSha, MaxBlobBytes);
        if (bytes is null)
        {
            await pages.WriteErrorAsync(context, snapshot, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return;
        }

        var type = BlobContentTypes.Detect(bytes, asset.Path);
        context.Response.ContentType = type;
        context.Response.ContentLength = bytes.Length;
        if (type == "image/svg+xml")
        {
            // SVG can carry script: opened directly it must not run any.
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
        }
        else if (type is BlobContentTypes.Binary or "application/zip" or "application/pdf")
        {
            context.Response.Headers.ContentDisposition = "attachment";
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(bytes).ConfigureAwait(false);
        }
    }

    private static async Task<IResult> ThemeAsset(HttpContext context, string theme, string? file, KbCore.Themes.ThemeRenderer themes, HelpCenterResponses pages, ContentStore store)
    {
        var path = file is null ? null : themes.Files.Find(theme, "assets/" + file);
        if (path is null || !themes.Files.ThemeExists(theme))
        {
            await pages.WriteErrorAsync(context, store.Current, StatusCodes.Status404NotFound).ConfigureAwait(false);
            return Results.Empty;
        }

        if (!AssetTypes.TryGetContentType(path, out var type))
        {
            type = "application/octet-stream";
        }

        var info = new FileInfo(path);
        var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}\"");
        // asset_url names the theme's version: such a URL is the same file for as long as it is valid at all.
        context.Response.Headers.CacheControl = context.Request.Query["v"] == themes.Version ? "public, max-age=31536000, immutable" : "public, max-age=3600";
        return Results.File(path, type, enableRangeProcessing: false, lastModified: info.LastWriteTimeUtc, entityTag: etag);
    }
}
