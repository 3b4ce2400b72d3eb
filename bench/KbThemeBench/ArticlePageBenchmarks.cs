using System.Collections.Concurrent;
using System.Text;
using BenchmarkDotNet.Attributes;
using KbCore.Themes;
using Microsoft.Extensions.Options;

namespace KbThemeBench;

/// <summary>
/// One article page through <see cref="ThemeRenderer"/>: a fresh render with the parsed templates cached
/// (what every page cache miss pays), and a hit in a byte cache keyed like the server's ETag cache.
/// </summary>
[MemoryDiagnoser]
public class ArticlePageBenchmarks
{
    private readonly ConcurrentDictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);
    private ThemeRenderer _renderer = null!;
    private SamplePage _page = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot();
        var themes = Environment.GetEnvironmentVariable("KB_BENCH_THEMES") ?? Path.Combine(root, "themes");
        var content = Environment.GetEnvironmentVariable("KB_BENCH_CONTENT") ?? Path.Combine(root, "content");
        _renderer = new ThemeRenderer(Options.Create(new ThemeOptions { Directory = themes }));
        _page = SamplePage.Load(content);

        // Parse every template once: the cold case measures rendering, not parsing.
        var html = Render();
        if (!html.Contains(_page.Article.Title, StringComparison.Ordinal) || !html.Contains("</html>", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the article page did not render completely:\n" + html);
        }

        _bytes["page"] = Encoding.UTF8.GetBytes(html);
    }

    [Benchmark(Baseline = true)]
    public string ColdRender() => Render();

    [Benchmark]
    public byte[] WarmByteCache() => _bytes.GetOrAdd("page", _ => Encoding.UTF8.GetBytes(Render()));

    private string Render() => _renderer.Render("article", _page.Article, _page.Site, _page.Article.Title, _page.Article.Summary);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KnowledgeBase.sln")))
            {
                return dir.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
