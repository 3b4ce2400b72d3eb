using System.Diagnostics;
using System.Globalization;
using KbCore.Analytics;
using KbCore.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: KbReportBench [rows=1000000] [runs=7] [database file]
// Fills a fresh SQLite search log the way the server writes it (a year of searches: a few thousand distinct
// queries with a long tail, 8 % without results, a click for every fourth search), then builds the studio's
// search report for 30 and 365 days, timing each build. With a database file that exists, it is reused as is.
// KB_BENCH_SQL=1 prints the SQL of every command with its time.
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var file = args.Length > 2 ? Path.GetFullPath(args[2]) : Path.Combine(Path.GetTempPath(), $"kbreportbench-{Guid.NewGuid():N}.db");
var keep = args.Length > 2;
var contexts = new Contexts($"Data Source={file}");
var clock = new Clock(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
try
{
    if (!File.Exists(file) || new FileInfo(file).Length == 0)
    {
        await new DatabaseMigrator(contexts, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var filled = Stopwatch.StartNew();
        Fill(contexts.ConnectionString, rows, clock.GetUtcNow().UtcDateTime);
        Console.WriteLine($"filled {rows:N0} rows in {filled.Elapsed.TotalSeconds:0.0} s");
    }

    // Migrations added since the file was filled (an index) apply here, as at a server start.
    await new DatabaseMigrator(contexts, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
    var reports = new SearchReports(contexts, clock);
    foreach (var days in new[] { 30, 365 })
    {
        await reports.BuildAsync(days, CancellationToken.None); // warm-up: JIT, query compilation, page cache
        var times = new List<double>();
        SearchReport? report = null;
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            report = await reports.BuildAsync(days, CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"days={days}: {report!.Searches:N0} searches, {report.Clicks:N0} clicks, {report.TopQueries.Count} top queries; " +
            $"runs {string.Join(" / ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))} ms; median {times[times.Count / 2]:0} ms"));
    }

    return 0;
}
finally
{
    SqliteConnection.ClearAllPools();
    if (!keep)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}

static void Fill(string connectionString, int rows, DateTime now)
{
    var words = new[]
    {
        "invoice", "recurring", "payment", "refund", "export", "csv", "tax", "vat", "currency", "bank", "feed", "reconcile",
        "expense", "receipt", "quote", "estimate", "reminder", "overdue", "stripe", "paypal", "api", "token", "webhook",
        "plan", "cancel", "upgrade", "password", "login", "two-factor", "logo", "template", "email", "pdf", "late", "fee",
        "discount", "credit", "note", "client", "project", "time", "tracking", "report", "profit", "loss", "mileage",
    };
    var random = new Random(42);
    var queries = Enumerable.Range(0, 4_000)
        .Select(_ => string.Join(' ', Enumerable.Range(0, 1 + random.Next(3)).Select(_ => words[random.Next(words.Length)])))
        .Distinct(StringComparer.Ordinal)
        .ToArray();
    using var connection = new SqliteConnection(connectionString);
    connection.Open();

    // The same harness fills the schema before the day column (to measure the code before it) and after.
    using var columns = connection.CreateCommand();
    columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('search_log') WHERE name = 'Day'";
    var hasDay = Convert.ToInt64(columns.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    using var transaction = connection.BeginTransaction();
    using var command = connection.CreateCommand();
    command.CommandText = hasDay
        ? "INSERT INTO search_log (\"At\", \"Day\", \"Query\", \"ResultCount\", \"Source\", \"ClickedPath\", \"TopPath\") VALUES ($at, $day, $query, $count, $source, $clicked, $top)"
        : "INSERT INTO search_log (\"At\", \"Query\", \"ResultCount\", \"Source\", \"ClickedPath\", \"TopPath\") VALUES ($at, $query, $count, $source, $clicked, $top)";
    var at = command.Parameters.Add("$at", SqliteType.Text);
    var day = command.Parameters.Add("$day", SqliteType.Text);
    var query = command.Parameters.Add("$query", SqliteType.Text);
    var count = command.Parameters.Add("$count", SqliteType.Integer);
    var source = command.Parameters.Add("$source", SqliteType.Text);
    var clicked = command.Parameters.Add("$clicked", SqliteType.Text);
    var top = command.Parameters.Add("$top", SqliteType.Text);
    var start = now.AddDays(-365);
    for (var i = 0; i < rows; i++)
    {
        // Time order, as the log is written; a long tail of queries (the square favours the first ones).
        var when = start.AddSeconds(365.0 * 86_400 * i / rows);
        var text = queries[(int)(Math.Pow(random.NextDouble(), 3) * queries.Length)];
        var isClick = random.Next(4) == 0;
        var zero = !isClick && random.Next(100) < 8;
        at.Value = when;
        day.Value = DateOnly.FromDateTime(when);
        query.Value = text;
        count.Value = isClick ? -1 : zero ? 0 : 1 + random.Next(40);
        source.Value = isClick ? SearchLog.ClickSource : random.Next(5) == 0 ? "api" : "page";
        clicked.Value = isClick ? $"invoicing/article-{random.Next(60)}" : DBNull.Value;
        top.Value = isClick || zero ? DBNull.Value : $"invoicing/article-{random.Next(60)}";
        command.ExecuteNonQuery();
    }

    transaction.Commit();
}

internal sealed class Contexts(string connectionString) : IDbContextFactory<KbDbContext>
{
    public string ConnectionString { get; } = connectionString;

    private static readonly bool ShowSql = Environment.GetEnvironmentVariable("KB_BENCH_SQL") == "1";

    public KbDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<SqliteKbDbContext>().UseSqlite(ConnectionString);
        if (ShowSql)
        {
            options.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
        }

        return new SqliteKbDbContext(options.Options);
    }
}

internal sealed class Clock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
