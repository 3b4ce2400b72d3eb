using System.Text.Json;
using AngleSharp.Html.Dom;

namespace KbServer.Tests.Infrastructure;

/// <summary>What a page's head tells search engines and link previews, read from the parsed page.</summary>
public static class PageMeta
{
    public static string? Canonical(IHtmlDocument doc) =>
        doc.Head?.QuerySelector("link[rel=canonical]")?.GetAttribute("href");

    /// <summary>The content of <c>meta[property=name]</c> (OpenGraph) or <c>meta[name=name]</c> (robots, Twitter).</summary>
    public static string? Meta(IHtmlDocument doc, string name) =>
        doc.Head?.QuerySelectorAll("meta").FirstOrDefault(m => m.GetAttribute("property") == name || m.GetAttribute("name") == name)?.GetAttribute("content");

    /// <summary>Every JSON-LD item of the page, parsed by System.Text.Json.</summary>
    public static IReadOnlyList<JsonElement> JsonLd(IHtmlDocument doc) =>
        doc.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement.Clone())
            .ToList();

    public static JsonElement JsonLd(IHtmlDocument doc, string type) =>
        JsonLd(doc).Single(e => e.GetProperty("@type").GetString() == type);

    /// <summary>Everything in the head a crawler or a link preview reads, as one text: meta contents, links and JSON-LD.</summary>
    public static string HeadText(IHtmlDocument doc) => string.Join('\n',
        (doc.Head?.QuerySelectorAll("meta").Select(m => m.GetAttribute("content") ?? string.Empty) ?? [])
            .Concat(doc.Head?.QuerySelectorAll("link").Select(l => l.GetAttribute("href") ?? string.Empty) ?? [])
            .Concat(doc.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent)));
}
