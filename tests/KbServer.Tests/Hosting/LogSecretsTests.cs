using KbServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KbServer.Tests.Hosting;

/// <summary>
/// Secrets never reach a log provider: whatever code logs them, in a message, a scope, a structured field or an
/// exception, read through a provider registered beside the application's in a real server.
/// </summary>
public sealed class LogSecretsTests : IDisposable
{
    private const string ApiToken = "kb_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg";

    private readonly CapturedLogs _logs = new();
    private readonly KestrelServerFactory _server;

    public LogSecretsTests()
    {
        _server = new KestrelServerFactory(null, _logs);
    }

    [Theory]
    [InlineData("GET /studio/setup?token=3f9c0d1e2f HTTP/1.1", "GET /studio/setup?token=[redacted] HTTP/1.1")]
    [InlineData("/studio/set-password?user=42&token=Q2ZESjhB-_x9", "/studio/set-password?user=42&token=[redacted]")]
    [InlineData("Input.Email=a%40b.example&Input.Password=hunter2+hunter2&__RequestVerificationToken=CfDJ8x", "Input.Email=a%40b.example&Input.Password=[redacted]&__RequestVerificationToken=[redacted]")]
    [InlineData("/studio/login?ReturnUrl=%2Fstudio%2Fsetup%3Ftoken%3Dabc123%26x%3D1", "/studio/login?ReturnUrl=%2Fstudio%2Fsetup%3Ftoken%3D[redacted]%26x%3D1")]
    [InlineData("Pulling https://bot:s3cret-pass@git.example.com/kb.git", "Pulling https://bot:[redacted]@git.example.com/kb.git")]
    [InlineData("Token " + ApiToken + " used", "Token kb_[redacted] used")]
    [InlineData("Authorization: Bearer " + ApiToken, "Authorization: Bearer [redacted]")]
    [InlineData("Authorization: Basic Z2l0OmtiX3NlY3JldHRva2Vu", "Authorization: Basic [redacted]")]
    [InlineData("/studio/login?passwordSet=1", "/studio/login?passwordSet=1")]
    [InlineData("/studio/admin/users?welcome=1", "/studio/admin/users?welcome=1")]
    [InlineData("Now listening on: http://127.0.0.1:5000", "Now listening on: http://127.0.0.1:5000")]
    [InlineData("Token kb_AbCdEfG (its display prefix)", "Token kb_AbCdEfG (its display prefix)")]
    [InlineData("WWW-Authenticate: Basic realm=\"KnowledgeBase\"", "WWW-Authenticate: Basic realm=\"KnowledgeBase\"")]
    public void Message_ShowsNoSecret_AndEverythingElseAsItWas(string text, string expected)
    {
        // Arrange
        var logger = _server.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KbServer.Tests.Secrets");

        // Act
        logger.LogInformation("{Text}", text);

        // Assert
        var entry = Assert.Single(_logs.Entries, e => e.Category == "KbServer.Tests.Secrets");
        Assert.EndsWith(": " + expected, entry.Rendered, StringComparison.Ordinal);
        Assert.Contains("Text=" + expected, entry.Fields, StringComparison.Ordinal);
    }

    [Fact]
    public void Scopes_StructuredFields_AndExceptions_ShowNoSecret()
    {
        // Arrange
        var logger = _server.Services.GetRequiredService<ILoggerFactory>().CreateLogger("KbServer.Tests.Secrets");
        var url = "http://localhost/studio/setup?token=0123456789abcdef";

        // Act
        using (logger.BeginScope(new Dictionary<string, object?> { ["RequestPath"] = url }))
        using (logger.BeginScope("while opening " + url))
        {
            logger.LogWarning(new InvalidOperationException("could not open " + url, new IOException("inner " + url)), "Opening {Url} for {Count} people", url, 3);
        }

        // Assert
        var entry = Assert.Single(_logs.Entries, e => e.Category == "KbServer.Tests.Secrets");
        Assert.DoesNotContain("0123456789abcdef", entry.Rendered + entry.Fields, StringComparison.Ordinal);
        Assert.Contains("Opening http://localhost/studio/setup?token=[redacted] for 3 people", entry.Rendered, StringComparison.Ordinal);
        Assert.Contains("RequestPath:http://localhost/studio/setup?token=[redacted]", entry.Rendered, StringComparison.Ordinal);
        Assert.Contains("while opening http://localhost/studio/setup?token=[redacted]", entry.Rendered, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException: could not open http://localhost/studio/setup?token=[redacted]", entry.Rendered, StringComparison.Ordinal);
        Assert.Contains("System.IO.IOException: inner http://localhost/studio/setup?token=[redacted]", entry.Rendered, StringComparison.Ordinal);
        Assert.Contains("Url=http://localhost/studio/setup?token=[redacted]", entry.Fields, StringComparison.Ordinal);
        Assert.Contains("Count=3", entry.Fields, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _server.Dispose();
        _logs.Dispose();
    }
}
