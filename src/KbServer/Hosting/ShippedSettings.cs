using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace KbServer.Hosting;

internal static class ShippedSettings
{
    /// <summary>
    /// Reads <c>appsettings*.json</c> from beside the binaries when the content root has none. From a checkout the
    /// content root is the repository root (<c>RunWorkingDirectory</c>, so <c>./data</c>, <c>content/</c> and
    /// <c>themes/</c> resolve there), and the shipped defaults (log levels among them) were silently missing. Each file
    /// keeps its place among the sources, so environment variables and <c>--Key=value</c> still override it.
    /// </summary>
    public static ConfigurationManager UseShippedSettings(this ConfigurationManager config, IHostEnvironment environment)
    {
        var sources = config.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: { } name } json && name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) &&
                !File.Exists(Path.Combine(environment.ContentRootPath, name)) && File.Exists(Path.Combine(AppContext.BaseDirectory, name)))
            {
                sources[i] = new JsonConfigurationSource
                {
                    Path = name,
                    Optional = true,
                    ReloadOnChange = json.ReloadOnChange,
                    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                };
            }
        }

        return config;
    }
}
