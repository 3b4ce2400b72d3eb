using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using KbCore.Content;
using KbCore.Search;
using KbSearchBench;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Usage: dotnet run -c Release --project bench/KbSearchBench -- <corpus-git-repo> <queries.txt> [judged.tsv [misspelled.tsv [synonyms.yml]]]
// Opens the repository's main branch, builds the index from scratch (timed), times every query in-process,
// counts zero-result queries, and scores relevance on a judged set against plain Lucene defaults.
if (args.Length > 0 && args[0] == "--bdn")
{
    // BenchmarkDotNet, in this process (no generated project): KB_BENCH_REPO=<repo> KbSearchBench --bdn
    var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    BenchmarkDotNet.Running.BenchmarkRunner.Run<QueryBenchmarks>(config);
    return 0;
}

if (args.Length > 0 && args[0] == "--scale")
{
    return ScaleBench.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "--hybrid")
{
    return HybridBench.Run(args[1..]);
}

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: KbSearchBench <git-repo-of-corpus> <queries.txt> [judged.tsv [misspelled.tsv [synonyms.yml]]]");
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
    if (!quick)
    {
        Latency.Print(searcher, queries, "no synonyms");
    }

    if (args.Length > 2)
    {
        var baselineDir = Path.Combine(work, "baseline");
        using var baseline = new PlainLuceneBaseline(snapshot, baselineDir);
        var report = new RelevanceReport(searcher, baseline);
        var judged = Relevance.Load(args[2]);
        var misspelled = args.Length > 3 ? Relevance.Load(args[3]) : [];
        var label = snapshot.Synonyms.Rules.Count == 0 ? "no synonyms" : $"the repository's {snapshot.Synonyms.Rules.Count} synonym lines";
        RelevanceReport.ZeroResults(searcher, queries, label);
        report.Judged(judged, label);
        if (misspelled.Count > 0)
        {
            report.Misspelled(misspelled, label);
        }

        // Optional 5th argument: a synonyms file, committed on a copy of the repository as a team would push it; the
        // same index then answers with those synonyms (they apply at query time), measured beside the run above.
        if (args.Length > 4)
        {
            var store2Options = Options.Create(new ContentOptions { Repository = SynonymsCommit.Create(Path.GetFullPath(args[0]), args[4], Path.Combine(work, "with-synonyms.git")), CreateIfMissing = false });
            var withSynonyms = new ContentStore(new ContentRepository(store2Options, NullLogger<ContentRepository>.Instance), store2Options, NullLogger<ContentStore>.Instance).Current;
            index.Update(withSynonyms);
            var problems = withSynonyms.Problems.Where(p => p.File == SynonymSet.FileName).ToArray();
            label = $"with {withSynonyms.Synonyms.Rules.Count} synonym lines of {Path.GetFileName(args[4])}";
            Console.WriteLine($"{label}{(problems.Length > 0 ? ": problems " + string.Join("; ", problems.Select(p => $"line {p.Line}: {p.Message}")) : string.Empty)}");
            if (!quick)
            {
                Latency.Print(searcher, queries, label);
            }

            RelevanceReport.ZeroResults(searcher, queries, label);
            report.Judged(judged, label);
            if (misspelled.Count > 0)
            {
                report.Misspelled(misspelled, label);
            }
        }

        var size = Directory.EnumerateFiles(baselineDir).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"plain Lucene index size: {size / 1024} KB");
    }
    else
    {
        RelevanceReport.ZeroResults(searcher, queries, "as the repository is");
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
