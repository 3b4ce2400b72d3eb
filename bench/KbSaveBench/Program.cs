using System.Diagnostics;
using System.Globalization;
using KbCore.Content;
using LibGit2Sharp;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Usage: KbSaveBench <git repository of the corpus> [saves=200]
// Clones the repository bare into a temp folder, then saves real articles one after another through the
// writer as the studio and the API do (read revision, edit, save with the base revision), timing each save:
// commit alone (writer under its lock), and commit plus the new snapshot readers switch to.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: KbSaveBench <corpus git repository> [saves]");
    return 2;
}

var saves = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var work = Path.Combine(Path.GetTempPath(), "kbsavebench-" + Guid.NewGuid().ToString("N"));
Repository.Clone(Path.GetFullPath(args[0]), work, new CloneOptions { IsBare = true });
try
{
    var options = Options.Create(new ContentOptions { Repository = work, CreateIfMissing = false });
    var repository = new ContentRepository(options, NullLogger<ContentRepository>.Instance);
    var store = new ContentStore(repository, options, NullLogger<ContentStore>.Instance);
    using var writeLock = new ContentWriteLock();
    var writer = new ContentWriter(repository, store, writeLock, options);
    var paths = store.Current.Articles.Keys.OrderBy(p => p, StringComparer.Ordinal).ToArray();
    Console.WriteLine($"{paths.Length} articles; {saves} saves");

    var author = new CommitIdentity("Bench Author", "bench@example.com");
    var total = new List<double>();
    var random = new Random(42);
    for (var i = 0; i < saves + 10; i++)
    {
        var path = paths[random.Next(paths.Length)];
        var (text, revision) = writer.Read(path)!.Value;
        var started = Stopwatch.GetTimestamp();
        var result = await writer.SaveAsync(path, text + $"\nEdit {i}.\n", revision, author, $"Bench edit {i}", CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (result.Status != SaveStatus.Committed)
        {
            Console.Error.WriteLine($"{path}: {result.Status} {result.Error}");
            return 1;
        }

        if (i >= 10)
        {
            total.Add(elapsed); // the first 10 warm up the JIT and the object database
        }
    }

    total.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"save → commit (writer + refreshed snapshot): p50 {Percentile(total, 0.5):0.0} ms, p95 {Percentile(total, 0.95):0.0} ms, p99 {Percentile(total, 0.99):0.0} ms, max {total[^1]:0.0} ms"));
    return 0;
}
finally
{
    foreach (var file in Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories))
    {
        File.SetAttributes(file, FileAttributes.Normal);
    }

    Directory.Delete(work, recursive: true);
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
