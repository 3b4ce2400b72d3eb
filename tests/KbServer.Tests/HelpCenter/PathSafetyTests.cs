using System.Net.Sockets;
using System.Text;
using KbServer.Tests.Infrastructure;

namespace KbServer.Tests.HelpCenter;

/// <summary>
/// Hostile paths sent byte for byte to real Kestrel (HttpClient would normalise them first):
/// none may read outside the content tree or cause a server error.
/// </summary>
public sealed class PathSafetyTests(KestrelServerFactory server) : IClassFixture<KestrelServerFactory>
{
    [Theory]
    [InlineData("/../../../../etc/passwd")]
    [InlineData("/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/..%2f..%2f..%2fetc%2fpasswd")]
    [InlineData("/getting-started/..%2f..%2f..%2fcontent.git/config")]
    [InlineData("/.git/config")]
    [InlineData("/HEAD")]
    [InlineData("/config")]
    [InlineData("/objects/info/packs")]
    [InlineData("//etc/passwd")]
    [InlineData("/%2fetc%2fpasswd")]
    [InlineData("/C:%5cWindows%5cwin.ini")]
    [InlineData("/getting-started%5c..%5c..%5cHEAD")]
    [InlineData("/getting-started/%00")]
    [InlineData("/getting-started%00.md")]
    [InlineData("/assets/default/../../../../etc/passwd")]
    [InlineData("/assets/..%2f..%2fetc/passwd")]
    [InlineData("/assets/default/..%2ftheme.yml")]
    [InlineData("/ticket-categories.yml")]
    public async Task HostilePath_Answers404Or400_NeverAServerError(string rawPath)
    {
        // Act
        var (status, body) = await SendRawAsync(rawPath);

        // Assert
        Assert.True(status is 404 or 400, $"{rawPath} answered {status}");
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("[core]", body, StringComparison.Ordinal);
        Assert.DoesNotContain("refs/heads", body, StringComparison.Ordinal);
    }

    private async Task<(int Status, string Body)> SendRawAsync(string rawPath)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.RootUri.Host, server.RootUri.Port);
        var stream = tcp.GetStream();
        var request = $"GET {rawPath} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var statusLine = response[..response.IndexOf('\r', StringComparison.Ordinal)];
        var status = int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }
}
