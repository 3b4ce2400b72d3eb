using System.Collections.Frozen;
using System.Globalization;
using System.Diagnostics;
using KbCore.Articles;
using KbCore.Content;
using KbCore.Rendering;
using KbCore.Tests.Infrastructure;
using Markdig;

// Usage: KbRenderBench [class=size ...] [--budget-seconds S] [--phases] [--baseline]
// Without classes: every class at the largest size its limit allows.
var budget = TimeSpan.FromSeconds(args.SkipWhile(a => a != "--budget-seconds").Skip(1).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).FirstOrDefault(20));

// The same pipeline with Markdig's own heading ids: the baseline for the one algorithm replaced rather than bounded.
var markdigIds = new Lazy<MarkdownPipeline>(() => new MarkdownPipelineBuilder()
    .UseYamlFrontMatter().UsePipeTables().UseGridTables().UseTaskLists().UseFootnotes().UseAlertBlocks().UseAutoLinks()
    .UseEmphasisExtras().UseDefinitionLists().UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
    .Build());
var requested = args.Where(a => a.Contains('=')).Select(a => a.Split('=')).Select(p => (p[0], int.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
var cases = requested.Count > 0 ? requested : PathologicalMarkdown.Cases.Select(c => (c.Name, c.JustUnder)).ToList();

Console.WriteLine($"{"class",-28} {"size",8} {"KiB",7} {"check ms",8} {"verdict",13} {"render ms",10} {"text ms",9} {"of which sanitize",9}");
foreach (var (name, size) in cases)
{
    var body = PathologicalMarkdown.Case(name).Build(size);
    var article = new Article("bench/" + name, "bench/" + name + ".md", Guid.NewGuid().ToString("N"), name, new ArticleMetadata { Title = name }, body, 1);
    var links = new LinkIndex(
        new Dictionary<string, Article> { [article.Path] = article }.ToFrozenDictionary(),
        new Dictionary<string, Folder>().ToFrozenDictionary(),
        new Dictionary<string, AssetEntry>().ToFrozenDictionary());
    var limits = Median(() => ArticleLimits.Check(body));
    var verdict = ArticleLimits.Check(body)?.Limit ?? "within";
    var render = Median(() => new ArticleRenderer(new ArticleHtmlSanitizer()).RenderPreview(article, links));
    var text = Median(() => KbCore.Search.ArticleText.Extract(article));
    if (args.Contains("--phases"))
    {
        Phases(article, links);
    }

    if (args.Contains("--baseline"))
    {
        // Same text, both pipelines, same run.
        var ours = Median(() => Markdown.Parse(body, KbMarkdownPipeline.Instance));
        var markdig = Median(() => Markdown.Parse(body, markdigIds.Value));
        Console.WriteLine($"  parse ms: {ours} with our heading ids, {markdig} with Markdig's");
    }

    var html = new ArticleRenderer(new ArticleHtmlSanitizer()).RenderPreview(article, links).Html;
    var sanitize = verdict == "within" ? Median(() => new ArticleHtmlSanitizer().Sanitize(html)) : "-";
    Console.WriteLine($"{name,-28} {size,8} {body.Length / 1024.0,7:0.0} {limits,8} {verdict,13} {render,10} {text,9} {sanitize,9}");
}

// Median of three runs after a warm-up, or ">budget" when one run takes longer than the budget (it is abandoned).
string Median(Func<object?> work)
{
    var times = new List<double>();
    for (var i = 0; i < 4; i++)
    {
        var watch = Stopwatch.StartNew();
        var task = Task.Run(work);
        try
        {
            if (!task.Wait(budget))
            {
                return ">" + budget.TotalSeconds + "s";
            }
        }
        catch (AggregateException e) when (e.InnerException is ArgumentException)
        {
            return "throws";
        }

        if (i > 0)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    times.Sort();
    return times[1].ToString("0.0", CultureInfo.InvariantCulture);
}

// Where a render's time goes: parse, link rewriting, HTML writing, sanitizing.
static void Phases(Article article, LinkIndex links)
{
    var watch = Stopwatch.StartNew();
    var document = Markdown.Parse(article.Body, KbMarkdownPipeline.Instance);
    var parse = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    LinkRewriter.Rewrite(document, article, links, 1);
    var rewrite = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    using var writer = new StringWriter();
    var renderer = new Markdig.Renderers.HtmlRenderer(writer);
    KbMarkdownPipeline.Instance.Setup(renderer);
    renderer.Render(document);
    var write = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    new ArticleHtmlSanitizer().Sanitize(writer.ToString());
    Console.WriteLine($"  phases: parse {parse:0.0} ms, links {rewrite:0.0} ms, html {write:0.0} ms, sanitize {watch.Elapsed.TotalMilliseconds:0.0} ms");
}
