using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using KbCore.Content;
using KbCore.Search;
using KbSearchBench;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Usage: dotnet run -c Release --project bench/KbSearchBench -- <corpus-git-repo> <queries.txt> [judged.tsv [misspelled.tsv]]
// Opens the repository's main branch, builds the index from scratch (timed), times every query in-process,
// counts zero-result queries, and scores relevance on a judged set against plain Lucene defaults.
if (args.Length > 0 && args[0] == "--bdn")
{
    // BenchmarkDotNet, in this process (no generated project): KB_BENCH_REPO=<repo> KbSearchBench --bdn
    var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    BenchmarkDotNet.Running.BenchmarkRunner.Run<QueryBenchmarks>(config);
    return 0;
}

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: KbSearchBench <git-repo-of-corpus> <queries.txt> [judged.tsv [misspelled.tsv]]");
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "kbsearchbench-" + Guid.NewGuid().ToString("N"));
try
{
    var contentOptions = Options.Create(new ContentOptions { Repository = Path.GetFullPath(args[0]), CreateIfMissing = false });
    var store = new ContentStore(new ContentRepository(contentOptions, NullLogger<ContentRepository>.Instance), contentOptions, NullLogger<ContentStore>.Instance);
    using var index = new SearchIndex(Options.Create(new SearchOptions { IndexDirectory = work }), NullLogger<SearchIndex>.Instance);
    var build = Stopwatch.StartNew();
    var snapshot = store.Current;
    var read = build.ElapsedMilliseconds;
    index.Rebuild(snapshot);
    Console.WriteLine($"index build from git: {build.ElapsedMilliseconds} ms for {snapshot.Articles.Count} articles (reading the commit {read} ms, indexing {build.ElapsedMilliseconds - read} ms)");
    Console.WriteLine($"index size: {Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / 1024} KB (live generation)");

    var searcher = new ArticleSearcher(index);

    // KB_BENCH_SHOW="query|query": prints our top 5 with scores for each, to see what outranks an expected answer.
    foreach (var shown in (Environment.GetEnvironmentVariable("KB_BENCH_SHOW") ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries))
    {
        Console.WriteLine($"show: {shown}");
        foreach (var hit in searcher.Search(new SearchRequest(shown)).Hits.Take(int.TryParse(Environment.GetEnvironmentVariable("KB_BENCH_SHOW_N"), out var n) ? n : 5))
        {
            Console.WriteLine($"  {hit.Score,8:F3}  {hit.Path}");
        }
    }

    var queries = File.ReadAllLines(args[1]).Where(q => q.Trim().Length > 0).ToArray();
    foreach (var q in queries)
    {
        searcher.Search(new SearchRequest(q));
    }

    // KB_BENCH_QUICK=1 skips the latency rounds (relevance experiments only).
    var quick = Environment.GetEnvironmentVariable("KB_BENCH_QUICK") == "1";
    foreach (var useCache in quick ? [] : new[] { false, true })
    {
        var times = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            foreach (var q in queries)
            {
                var watch = Stopwatch.StartNew();
                searcher.Search(new SearchRequest(q), useCache);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        Console.WriteLine($"in-process query ({(useCache ? "repeated, answer cache" : "uncached")}): p50 {times[times.Count / 2]:F3} ms, p95 {times[(int)(times.Count * 0.95)]:F3} ms, p99 {times[(int)(times.Count * 0.99)]:F3} ms over {times.Count}");
    }
    var zero = queries.Where(q => searcher.Search(new SearchRequest(q)).Total == 0).ToArray();
    Console.WriteLine($"zero-result queries: {zero.Length}/{queries.Length} ({100.0 * zero.Length / queries.Length:F1} %) {string.Join(" | ", zero.Take(10))}");

    if (args.Length > 2)
    {
        var judged = Relevance.Load(args[2]);
        var baselineDir = Path.Combine(work, "baseline");
        using var baseline = new PlainLuceneBaseline(snapshot, baselineDir);
        var ours = Relevance.Score(judged, q => searcher.Search(new SearchRequest(q)).Hits.Select(h => h.Path).ToArray());
        var plain = Relevance.Score(judged, q => baseline.Search(q, 10));
        Console.WriteLine($"judged set: {judged.Count} questions");
        Console.WriteLine($"  ours:         MRR@10 {ours.Mrr:F3}, recall@10 {ours.Recall:F3}, not in top 10: {ours.Misses}");
        Console.WriteLine($"  plain Lucene: MRR@10 {plain.Mrr:F3}, recall@10 {plain.Recall:F3}, not in top 10: {plain.Misses}");
        Console.WriteLine($"  ratio MRR ours/plain: {ours.Mrr / plain.Mrr:F2}");
        // Generalization check: the same scores on the odd and the even lines of the judged set separately, so a
        // change tuned on the whole set can be seen to help both halves (or only one).
        foreach (var (name, half) in new[] { ("odd lines", judged.Where((_, i) => i % 2 == 0).ToArray()), ("even lines", judged.Where((_, i) => i % 2 == 1).ToArray()) })
        {
            var oursHalf = Relevance.Score(half, q => searcher.Search(new SearchRequest(q)).Hits.Select(h => h.Path).ToArray());
            var plainHalf = Relevance.Score(half, q => baseline.Search(q, 10));
            Console.WriteLine($"  {name} ({half.Length}): ours MRR@10 {oursHalf.Mrr:F3} / recall@10 {oursHalf.Recall:F3}, plain {plainHalf.Mrr:F3} / {plainHalf.Recall:F3}, ratio {oursHalf.Mrr / plainHalf.Mrr:F2}");
        }

        // KB_BENCH_DETAIL=<file>: per-question ranks of the first relevant article (0 = not in the top 10), ours and plain.
        if (Environment.GetEnvironmentVariable("KB_BENCH_DETAIL") is { Length: > 0 } detail)
        {
            var ourRanks = Relevance.Ranks(judged, q => searcher.Search(new SearchRequest(q)).Hits.Select(h => h.Path).ToArray());
            var plainRanks = Relevance.Ranks(judged, q => baseline.Search(q, 10));
            File.WriteAllLines(detail, judged.Select((j, i) => $"{ourRanks[i]}\t{plainRanks[i]}\t{j.Question}\t{string.Join('|', searcher.Search(new SearchRequest(j.Question)).Hits.Take(3).Select(h => h.Path))}"));
        }

        // Optional 4th argument: misspelled queries of queries.txt with their intended articles; counted in the top 3.
        if (args.Length > 3)
        {
            var misspelled = Relevance.Load(args[3]);
            var ourTop3 = Relevance.Ranks(misspelled, q => searcher.Search(new SearchRequest(q)).Hits.Select(h => h.Path).ToArray(), depth: 3);
            var plainTop3 = Relevance.Ranks(misspelled, q => baseline.Search(q, 3), depth: 3);
            Console.WriteLine($"misspelled queries: {misspelled.Count}, intended article in the top 3: ours {ourTop3.Count(r => r > 0)}, plain Lucene {plainTop3.Count(r => r > 0)}");
            for (var i = 0; i < misspelled.Count; i++)
            {
                if (ourTop3[i] == 0)
                {
                    Console.WriteLine($"  not in our top 3: {misspelled[i].Question} (plain: {(plainTop3[i] > 0 ? "top 3" : "no")})");
                }
            }
        }

        var size = Directory.EnumerateFiles(baselineDir).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"plain Lucene index size: {size / 1024} KB");
    }

    return 0;
}
finally
{
    if (Directory.Exists(work))
    {
        Directory.Delete(work, recursive: true);
    }
}
