using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using KbBench;

// Usage: dotnet run -c Release --project bench/KbBench -- <corpus-folder> [server-dll] [rounds]
// Makes a git repository of the corpus, starts the server on it, and measures start-up and page latency.
if (args.Length < 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: KbBench <corpus-folder> [path/to/KbServer.dll] [rounds]");
    return 2;
}

var corpus = Path.GetFullPath(args[0]);
var serverDll = Path.GetFullPath(args.Length > 1 ? args[1] : "src/KbServer/bin/Release/net10.0/KbServer.dll");
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
var work = Path.Combine(Path.GetTempPath(), "kbbench-" + Guid.NewGuid().ToString("N"));
var repo = Path.Combine(work, "corpus");
Directory.CreateDirectory(work);
try
{
    Shell.CopyDirectory(corpus, repo);
    Shell.Run(repo, "git", "init", "-q", "-b", "main");
    Shell.Run(repo, "git", "add", ".");
    Shell.Run(repo, "git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-q", "-m", "corpus");
    var articles = Directory.EnumerateFiles(repo, "*.md", SearchOption.AllDirectories)
        .Select(f => "/" + Path.GetRelativePath(repo, f).Replace('\\', '/')[..^3])
        .Where(p => !p.Split('/').Any(s => s.StartsWith('.')))
        .ToArray();
    Console.WriteLine($"corpus: {articles.Length} articles; machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}");

    var port = FreePort();
    var started = Stopwatch.StartNew();
    using var server = Process.Start(new ProcessStartInfo("dotnet")
    {
        ArgumentList = { serverDll, $"--urls=http://127.0.0.1:{port}", $"--DataDirectory={Path.Combine(work, "data")}", $"--Content:Repository={repo}", "--Logging:LogLevel:Default=Warning" },
        WorkingDirectory = Path.GetDirectoryName(serverDll)!,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    })!;
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    var firstPage = await Load.WaitForFirstPageAsync(http, started);
    Console.WriteLine($"start-up to first served page (/): {firstPage.TotalMilliseconds:F0} ms");

    // Every article, once: status counts tell whether every article renders.
    var statuses = await Load.FetchAllAsync(http, articles);
    Console.WriteLine("first pass (cold renders): " + string.Join(", ", statuses.Codes.Select(kv => $"{kv.Key}: {kv.Value}")) + $"; median {statuses.Median:F2} ms");
    foreach (var failure in statuses.Failures.Take(10))
    {
        Console.WriteLine("  not 200: " + failure);
    }

    for (var round = 1; round <= rounds; round++)
    {
        var warm = await Load.FetchAllAsync(http, articles);
        Console.WriteLine($"warm round {round}: p50 {warm.Median:F2} ms, p95 {warm.P95:F2} ms, max {warm.Max:F2} ms over {articles.Length} article pages");
    }

    server.Kill(entireProcessTree: true);
    return statuses.Codes.GetValueOrDefault(HttpStatusCode.InternalServerError) > 0 ? 1 : 0;
}
finally
{
    Shell.DeleteDirectory(work);
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
