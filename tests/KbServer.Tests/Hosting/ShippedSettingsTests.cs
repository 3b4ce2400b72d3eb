using KbServer.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KbServer.Tests.Hosting;

/// <summary>
/// Run from a checkout, the server's content root is the repository root, which has no appsettings.json: the shipped
/// settings still apply (read from beside the binaries), and configuration still overrides them.
/// </summary>
public sealed class ShippedSettingsTests
{
    private const string EfCommands = "Microsoft.EntityFrameworkCore.Database.Command";

    [Fact]
    public void ContentRootWithoutSettings_StillGetsTheShippedLogLevels_SoSqlCommandsAreNotLogged()
    {
        // Arrange
        using var root = new TempDirectory("kbroot");
        using var server = new KbServerFactory(RepoPaths.Content, new Dictionary<string, string?> { ["contentRoot"] = root.Path });

        // Act
        var loggers = server.Services.GetRequiredService<ILoggerFactory>();

        // Assert
        Assert.Equal(root.Path, server.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>().ContentRootPath.TrimEnd('/'));
        Assert.False(loggers.CreateLogger(EfCommands).IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("KbCore.Search.SearchIndex").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void SqlCommands_AreLogged_WhenConfigurationAsksForThem()
    {
        // Arrange
        using var root = new TempDirectory("kbroot");
        using var server = new KbServerFactory(RepoPaths.Content, new Dictionary<string, string?>
        {
            ["contentRoot"] = root.Path,
            [$"Logging:LogLevel:{EfCommands}"] = "Information",
        });

        // Act
        var loggers = server.Services.GetRequiredService<ILoggerFactory>();

        // Assert
        Assert.True(loggers.CreateLogger(EfCommands).IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
    }
}
