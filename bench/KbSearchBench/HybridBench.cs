using System.Diagnostics;
using System.Globalization;
using KbCore.Content;
using KbCore.Search;
using KbCore.Search.Semantic;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KbSearchBench;

/// <summary>
/// <c>--hybrid</c>: plain Lucene, our lexical ranking, dense retrieval alone and the hybrid ranking, in one run, on
/// every judged set given (whole set and both halves), plus misspelled queries, zero results, exact titles, the
/// corpus vectors' build time and uncached latency with never-seen questions.
/// Knobs for fusion experiments: KB_HYBRID_WEIGHT (lexical weight), KB_HYBRID_MIN (cosine to join on meaning alone),
/// KB_HYBRID_K (nearest candidates). KB_BENCH_VECTORS=&lt;dir&gt; keeps the vector cache between runs (it is keyed by
/// content, as in the product); without it the vectors are built from scratch and timed.
/// </summary>
internal static class HybridBench
{
    public static int Run(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: KbSearchBench --hybrid <git-repo-of-corpus> <queries.txt> <misspelled.tsv> <judged.tsv> [more-judged.tsv ...]");
            return 2;
        }

        var work = Path.Combine(Path.GetTempPath(), "kbhybridbench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var contentOptions = Options.Create(new ContentOptions { Repository = Path.GetFullPath(args[0]), CreateIfMissing = false });
            var snapshot = new ContentStore(new ContentRepository(contentOptions, NullLogger<ContentRepository>.Instance), contentOptions, NullLogger<ContentStore>.Instance).Current;
            using var index = new SearchIndex(Options.Create(new SearchOptions { IndexDirectory = Path.Combine(work, "index") }), NullLogger<SearchIndex>.Instance);
            index.Rebuild(snapshot);

            var vectors = Environment.GetEnvironmentVariable("KB_BENCH_VECTORS") is { Length: > 0 } kept ? kept : Path.Combine(work, "vectors");
            var recipe = Environment.GetEnvironmentVariable("KB_SEMANTIC_RECIPE") is { Length: > 0 } r ? r : new SemanticOptions().Recipe;
            var threads = (int)Number("KB_SEMANTIC_THREADS", 1);
            using var semantic = new SemanticIndex(Options.Create(new SemanticOptions { CacheDirectory = vectors, Recipe = recipe, Threads = threads }), NullLogger<SemanticIndex>.Instance);
            var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
            var watch = Stopwatch.StartNew();
            semantic.Update(snapshot);
            Console.WriteLine($"vectors: {semantic.EmbeddedCount} embedded, {snapshot.Articles.Count - semantic.EmbeddedCount} from the cache, in {watch.Elapsed.TotalSeconds:F1} s (recipe {recipe}, model load included, {threads} thread(s); the server uses 1)");
            Console.WriteLine($"managed memory for the model's wrapper, the cache and the matrix: {(GC.GetTotalMemory(forceFullCollection: true) - memoryBefore) / 1048576} MB; process RSS {Process.GetCurrentProcess().WorkingSet64 / 1048576} MB");

            var tuned = new HybridOptions
            {
                LexicalWeight = Number("KB_HYBRID_WEIGHT", HybridOptions.Default.LexicalWeight),
                MinSimilarity = (float)Number("KB_HYBRID_MIN", HybridOptions.Default.MinSimilarity),
                Candidates = (int)Number("KB_HYBRID_K", HybridOptions.Default.Candidates),
                SimilarityMargin = (float)Number("KB_HYBRID_MARGIN", HybridOptions.Default.SimilarityMargin),
            };
            using var baseline = new PlainLuceneBaseline(snapshot, null);
            var engines = new (string Name, Func<string, IReadOnlyList<string>> Search)[]
            {
                ("plain Lucene", q => baseline.Search(q, 10)),
                ("lexical (ours)", Searcher(new ArticleSearcher(index))),
                ("dense alone", Searcher(new ArticleSearcher(index, semantic, new HybridOptions { LexicalWeight = 0, MinSimilarity = -1, SimilarityMargin = 2, Candidates = 10 }))),
                ($"hybrid (w {tuned.LexicalWeight}, min {tuned.MinSimilarity}, margin {tuned.SimilarityMargin}, k {tuned.Candidates})", Searcher(new ArticleSearcher(index, semantic, tuned))),
            };

            foreach (var file in args.Skip(3))
            {
                var judged = Relevance.Load(file);
                Console.WriteLine($"{Path.GetFileName(file)}: {judged.Count} questions (MRR@10 / recall@10; whole | odd lines | even lines)");
                foreach (var (name, search) in engines)
                {
                    var whole = Relevance.Score(judged, search);
                    var odd = Relevance.Score(judged.Where((_, i) => i % 2 == 0).ToArray(), search);
                    var even = Relevance.Score(judged.Where((_, i) => i % 2 == 1).ToArray(), search);
                    Console.WriteLine($"  {name,-40} {whole.Mrr:F3} / {whole.Recall:F3} | {odd.Mrr:F3} / {odd.Recall:F3} | {even.Mrr:F3} / {even.Recall:F3}   not in top 10: {whole.Misses}");

                    // KB_BENCH_DETAIL=<file>: per question, the rank of the first answer (0: not in the top 10) and our top 3.
                    if (Environment.GetEnvironmentVariable("KB_BENCH_DETAIL") is { Length: > 0 } detail)
                    {
                        var ranks = Relevance.Ranks(judged, search);
                        File.AppendAllLines(detail, judged.Select((j, i) => $"{Path.GetFileName(file)}\t{name}\t{ranks[i]}\t{j.Question}\t{string.Join('|', search(j.Question).Take(5))}"));
                    }
                }
            }

            // KB_BENCH_SHOW="q|q": the hybrid top 5 with fused scores and what found each.
            foreach (var shown in (Environment.GetEnvironmentVariable("KB_BENCH_SHOW") ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                Console.WriteLine($"show: {shown}");
                foreach (var hit in new ArticleSearcher(index, semantic, tuned).Search(new SearchRequest(shown)).Hits.Take(5))
                {
                    Console.WriteLine($"  {hit.Score,6:F3} {hit.Match,-7} {hit.Path}");
                }
            }

            if (Environment.GetEnvironmentVariable("KB_BENCH_QUICK") == "1")
            {
                return 0;
            }

            var misspelled = Relevance.Load(args[2]);
            var hybrid = new ArticleSearcher(index, semantic, tuned);
            var lexical = new ArticleSearcher(index);
            foreach (var (name, searcher) in new[] { ("lexical", lexical), ("hybrid", hybrid) })
            {
                var ranks = Relevance.Ranks(misspelled, Searcher(searcher), depth: 3);
                var missed = misspelled.Where((_, i) => ranks[i] == 0).Select(m => m.Question);
                Console.WriteLine($"misspelled queries, intended article in the top 3 ({name}): {ranks.Count(r => r > 0)}/{misspelled.Count}; missed: {string.Join(" | ", missed)}");
            }

            var queries = File.ReadAllLines(args[1]).Where(q => q.Trim().Length > 0).ToArray();
            RelevanceReport.ZeroResults(hybrid, queries, "hybrid");
            ExactTitles(snapshot, lexical, hybrid);
            UncachedLatency(queries, snapshot, index, vectors, recipe, tuned);
            return 0;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static Func<string, IReadOnlyList<string>> Searcher(ArticleSearcher searcher) =>
        q => searcher.Search(new SearchRequest(q)).Hits.Select(h => h.Path).ToArray();

    private static double Number(string name, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>Every 10th public article's exact title as the query: is that article first?</summary>
    private static void ExactTitles(ContentSnapshot snapshot, ArticleSearcher lexical, ArticleSearcher hybrid)
    {
        var titles = snapshot.Articles.Values.Where(a => a.IsPublic).OrderBy(a => a.Path, StringComparer.Ordinal).Where((_, i) => i % 10 == 0).ToArray();
        int First(ArticleSearcher s) => titles.Count(a => s.Search(new SearchRequest(a.Title)).Hits is { Count: > 0 } hits && hits[0].Path == a.Path);
        int Quoted(ArticleSearcher s) => titles.Count(a => s.Search(new SearchRequest($"\"{a.Title}\"")).Hits is { Count: > 0 } hits && hits[0].Path == a.Path);
        Console.WriteLine($"exact-title queries ({titles.Length}), article first: lexical {First(lexical)}, hybrid {First(hybrid)}; quoted: lexical {Quoted(lexical)}, hybrid {Quoted(hybrid)}");
    }

    /// <summary>
    /// Lead-ins of question words that the lexical query drops, as bench/http/search-unseen.lua adds them: each round
    /// asks every query with another one, so no answer and no query vector can come from a cache.
    /// </summary>
    private static readonly string[] Leads = ["", "why", "how", "my", "we", "i", "why my", "how do i", "how do we", "why does my", "why is my", "can i"];

    /// <summary>
    /// Never-seen questions: every query once per round with another lead-in, the answer cache off, a new semantic
    /// index (as a restarted server: no query vector cached) each round. Round 0 warms the code and is not counted.
    /// The lexical ranking is timed the same way beside it.
    /// </summary>
    private static void UncachedLatency(string[] queries, ContentSnapshot snapshot, SearchIndex index, string vectors, string recipe, HybridOptions options)
    {
        var lexicalTimes = new List<double>();
        var hybridTimes = new List<double>();
        var lexical = new ArticleSearcher(index);
        for (var round = 0; round < 4; round++)
        {
            using var semantic = new SemanticIndex(Options.Create(new SemanticOptions { CacheDirectory = vectors, Recipe = recipe }), NullLogger<SemanticIndex>.Instance);
            semantic.Update(snapshot);
            var hybrid = new ArticleSearcher(index, semantic, options);
            foreach (var q in queries)
            {
                var asked = $"{Leads[round % Leads.Length]} {q}".Trim();
                var watch = Stopwatch.StartNew();
                lexical.Search(new SearchRequest(asked), useCache: false);
                var lexicalMs = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
                hybrid.Search(new SearchRequest(asked), useCache: false);
                if (round > 0)
                {
                    lexicalTimes.Add(lexicalMs);
                    hybridTimes.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        foreach (var (name, times) in new[] { ("lexical", lexicalTimes), ("hybrid", hybridTimes) })
        {
            times.Sort();
            Console.WriteLine($"never-seen question, full response ({name}): p50 {times[times.Count / 2]:F2} ms, p95 {times[(int)(times.Count * 0.95)]:F2} ms, p99 {times[(int)(times.Count * 0.99)]:F2} ms over {times.Count}");
        }
    }
}
