using System.Diagnostics;
using System.Net;

namespace KbBench;

internal sealed record LoadResult(Dictionary<HttpStatusCode, int> Codes, List<string> Failures, double Median, double P95, double Max);

internal static class Load
{
    public static async Task<TimeSpan> WaitForFirstPageAsync(HttpClient http, Stopwatch started)
    {
        while (started.Elapsed < TimeSpan.FromSeconds(120))
        {
            try
            {
                if ((await http.GetAsync("/").ConfigureAwait(false)).StatusCode == HttpStatusCode.OK)
                {
                    return started.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        throw new TimeoutException("the server did not serve / within 120 s");
    }

    /// <summary>Sequential requests: latency of one page, not throughput of the machine.</summary>
    public static async Task<LoadResult> FetchAllAsync(HttpClient http, IReadOnlyList<string> urls)
    {
        var codes = new Dictionary<HttpStatusCode, int>();
        var failures = new List<string>();
        var times = new List<double>(urls.Count);
        foreach (var url in urls)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(new Uri(string.Join('/', url.Split('/').Select(Uri.EscapeDataString)), UriKind.Relative)).ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            times.Add(watch.Elapsed.TotalMilliseconds);
            codes[response.StatusCode] = codes.GetValueOrDefault(response.StatusCode) + 1;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{url}: {(int)response.StatusCode}");
            }
        }

        times.Sort();
        return new LoadResult(codes, failures, times[times.Count / 2], times[(int)(times.Count * 0.95)], times[^1]);
    }
}
