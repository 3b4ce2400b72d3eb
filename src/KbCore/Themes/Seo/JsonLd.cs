using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace KbCore.Themes.Seo;

/// <summary>
/// schema.org structured data as JSON, encoded to sit inside <c>&lt;script type="application/ld+json"&gt;</c>:
/// <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> are written as <c>\u003C</c>, <c>\u003E</c> and <c>\u0026</c>, so
/// an article titled <c>&lt;/script&gt;</c> cannot end the element and start markup of its own.
/// </summary>
public static class JsonLd
{
    // A JavaScriptEncoder escapes the HTML-significant characters whatever ranges it allows; allowing all keeps é as é.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>
    /// An <c>Article</c>; dates as ISO 8601, or left out when git does not know them. The authors are people; without
    /// any (a file only the installer committed) the help center itself, <paramref name="publisher"/>, is the author.
    /// </summary>
    public static RawHtml Article(string url, string headline, string description, DateTimeOffset? published, DateTimeOffset? modified, IReadOnlyList<string> authors, string? image, string publisher)
    {
        ArgumentNullException.ThrowIfNull(authors);
        var node = Thing("Article");
        node["headline"] = headline;
        node["description"] = description;
        node["url"] = url;
        node["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = url };
        if (published is { } p)
        {
            node["datePublished"] = Iso(p);
        }

        if (modified is { } m)
        {
            node["dateModified"] = Iso(m);
        }

        var organization = new JsonObject { ["@type"] = "Organization", ["name"] = publisher };
        node["author"] = authors.Count > 0
            ? new JsonArray(authors.Select(a => (JsonNode)new JsonObject { ["@type"] = "Person", ["name"] = a }).ToArray())
            : organization.DeepClone();
        node["publisher"] = organization;
        if (!string.IsNullOrEmpty(image))
        {
            node["image"] = image;
        }

        return Encode(node);
    }

    /// <summary>A <c>BreadcrumbList</c> of (name, absolute URL), positions from 1.</summary>
    public static RawHtml Breadcrumbs(IReadOnlyList<(string Name, string Url)> crumbs)
    {
        var node = Thing("BreadcrumbList");
        node["itemListElement"] = new JsonArray(crumbs.Select((c, i) => (JsonNode)new JsonObject
        {
            ["@type"] = "ListItem",
            ["position"] = i + 1,
            ["name"] = c.Name,
            ["item"] = c.Url,
        }).ToArray());
        return Encode(node);
    }

    /// <summary>A <c>FAQPage</c>: each question with its accepted answer.</summary>
    public static RawHtml Faq(IEnumerable<(string Question, string Answer)> questions)
    {
        var node = Thing("FAQPage");
        node["mainEntity"] = new JsonArray(questions.Select(q => (JsonNode)new JsonObject
        {
            ["@type"] = "Question",
            ["name"] = q.Question,
            ["acceptedAnswer"] = new JsonObject { ["@type"] = "Answer", ["text"] = q.Answer },
        }).ToArray());
        return Encode(node);
    }

    /// <summary>The help center as a <c>WebSite</c> whose search takes <c>/search?q=</c>.</summary>
    public static RawHtml WebSite(string name, string url, string searchUrlTemplate)
    {
        var node = Thing("WebSite");
        node["name"] = name;
        node["url"] = url;
        node["potentialAction"] = new JsonObject
        {
            ["@type"] = "SearchAction",
            ["target"] = searchUrlTemplate,
            ["query-input"] = "required name=search_term_string",
        };
        return Encode(node);
    }

    // UTC with a Z: an offset's + would be written \u002B, valid but unreadable.
    private static string Iso(DateTimeOffset when) =>
        when.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject Thing(string type) => new() { ["@context"] = "https://schema.org", ["@type"] = type };

    private static RawHtml Encode(JsonNode node) => new(node.ToJsonString(Options));
}
