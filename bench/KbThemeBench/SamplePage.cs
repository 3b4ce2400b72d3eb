using System.Collections.Frozen;
using KbCore.Articles;
using KbCore.Content;
using KbCore.Rendering;
using KbCore.Themes;
using KbCore.Themes.Models;

namespace KbThemeBench;

/// <summary>
/// The view records of one real article page, built from the sample content like the help center builds them:
/// the markdown rendered and sanitized once, related articles and navigation from its neighbours.
/// </summary>
internal sealed record SamplePage(ArticleView Article, SiteView Site)
{
    public const string ArticleFile = "invoicing/creating-invoices/create-and-send-your-first-invoice.md";

    public static SamplePage Load(string contentRoot)
    {
        var article = Parse(contentRoot, ArticleFile);
        var links = new LinkIndex(
            new Dictionary<string, Article> { [article.Path] = article }.ToFrozenDictionary(),
            new Dictionary<string, Folder>().ToFrozenDictionary(),
            new Dictionary<string, AssetEntry>().ToFrozenDictionary());
        var rendered = new ArticleRenderer(new ArticleHtmlSanitizer()).RenderPreview(article, links);
        var related = Directory.EnumerateFiles(Path.Combine(contentRoot, "invoicing"), "*.md", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("_index.md", StringComparison.Ordinal))
            .Select(f => Parse(contentRoot, Path.GetRelativePath(contentRoot, f).Replace('\\', '/')))
            .Where(a => a.Path != article.Path)
            .OrderBy(a => a.Path, StringComparer.Ordinal)
            .Take(5)
            .Select(a => new ArticleSummaryView(a.Title, "/" + a.Path, a.Metadata.Summary ?? string.Empty, "2026-03-12", "12 Mar 2026", "Creating invoices"))
            .ToArray();
        var navigation = Directory.GetDirectories(contentRoot)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => new LinkView(name!.Replace('-', ' '), "/" + name))
            .ToArray();
        var view = new ArticleView(
            article.Title,
            article.Metadata.Summary ?? string.Empty,
            "/" + article.Path,
            new RawHtml(rendered.Html),
            article.Metadata.Tags,
            [new LinkView("Home", "/"), new LinkView("Invoicing", "/invoicing"), new LinkView("Creating invoices", "/invoicing/creating-invoices")],
            rendered.Headings,
            "2026-03-12",
            "12 Mar 2026",
            ["Ada Lovelace", "Grace Hopper"],
            related,
            false,
            article.Path);
        return new SamplePage(view, new SiteView("Help Center", "Answers for every question", "/assets/default", navigation, "abc1234", 2026));
    }

    private static Article Parse(string contentRoot, string file)
    {
        var parsed = FrontMatterParser.Parse(File.ReadAllText(Path.Combine(contentRoot, file)), Visibility.Public);
        var path = file[..^".md".Length];
        return new Article(path, file, Guid.NewGuid().ToString("N"), parsed.Metadata.Title ?? path, parsed.Metadata, parsed.Body, parsed.BodyLine);
    }
}
