using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using KbThemeBench;

// Usage: KbThemeBench [BenchmarkDotNet arguments]
// KB_BENCH_THEMES / KB_BENCH_CONTENT point at a themes and a content folder (default: this repository's),
// so a build of an older commit can be run against the templates of its own time.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkRunner.Run<ArticlePageBenchmarks>(config, args);
