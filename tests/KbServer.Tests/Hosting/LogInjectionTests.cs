using System.Net.Sockets;
using System.Text;
using KbServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KbServer.Tests.Hosting;

/// <summary>
/// Requests cannot forge log lines: a real Kestrel server with the hosting request log on, read through a provider
/// registered beside the application's.
/// </summary>
public sealed class LogInjectionTests : IDisposable
{
    private static readonly char[] LineBreaks = ['\r', '\n', '\u0085', '\u2028', '\u2029'];

    private readonly CapturedLogs _logs = new();
    private readonly KestrelServerFactory _server;

    public LogInjectionTests()
    {
        _server = new KestrelServerFactory(new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information" }, _logs);
    }

    [Fact]
    public async Task RequestPath_WithEncodedCrLf_IsOneLogLine()
    {
        await SendRawAsync("/foo%0d%0aFAKE:%20line");

        var starting = Assert.Single(_logs.Entries, e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && e.EventId.Id == 1 && e.Rendered.Contains("/foo", StringComparison.Ordinal));
        Assert.Contains("/foo\\r\\nFAKE: line", starting.Rendered, StringComparison.Ordinal);
        Assert.DoesNotContain(LineBreaks, starting.Rendered.Contains);
        var lines = _logs.Text.Split(LineBreaks);
        Assert.DoesNotContain(lines, line => line.StartsWith("FAKE", StringComparison.Ordinal));
        Assert.All(lines.Where(line => line.Contains("FAKE", StringComparison.Ordinal)), line => Assert.Contains("/foo\\r\\nFAKE", line, StringComparison.Ordinal));
    }

    [Fact]
    public void MessagesScopesAndExceptions_FromAnyCode_AreEscaped()
    {
        var logger = _server.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KbServer.Tests.Probe");
        var hostile = "a\r\nFAKE: x\u001b[31m\u2028b";

        using (logger.BeginScope(new Dictionary<string, object?> { ["Path"] = hostile }))
        using (logger.BeginScope("scope " + hostile))
        {
            logger.LogWarning(new InvalidOperationException("failed on " + hostile), "Value {Value}", hostile);
        }

        var entry = Assert.Single(_logs.Entries, e => e.Category == "KbServer.Tests.Probe").Rendered;
        var escaped = "a\\r\\nFAKE: x\\u001B[31m\\u2028b";
        Assert.Contains("Value " + escaped, entry, StringComparison.Ordinal);
        Assert.Contains("Path:" + escaped, entry, StringComparison.Ordinal);
        Assert.Contains("scope " + escaped, entry, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: failed on " + escaped, entry, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', entry);
        Assert.DoesNotContain(entry.Split(LineBreaks), line => line.StartsWith("FAKE", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _server.Dispose();
        _logs.Dispose();
    }

    private async Task SendRawAsync(string rawPath)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_server.RootUri.Host, _server.RootUri.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {rawPath} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await reader.ReadToEndAsync();
    }
}
