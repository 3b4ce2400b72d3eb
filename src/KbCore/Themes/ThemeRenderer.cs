using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using DotLiquid;
using DotLiquid.NamingConventions;
using KbCore.Themes.Models;
using Microsoft.Extensions.Options;

namespace KbCore.Themes;

/// <summary>
/// Renders help-center pages from the active theme's Liquid templates. The only class that knows the
/// template engine (DotLiquid), so it stays swappable. Templates see view records only; every output is
/// HTML-encoded except <see cref="RawHtml"/>. Thread-safe.
/// </summary>
public sealed class ThemeRenderer
{
    // Bounds what a broken or hostile template can cost one request.
    private const int MaxIterations = 50_000;
    private const int TimeoutMs = 2_000;

    private static readonly Lock ConfigureLock = new();
    private static bool _configured;

    private readonly ThemeTemplateCache _cache;
    private readonly ThemeVersion _version;

    public ThemeRenderer(IOptions<ThemeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Files = new ThemeFiles(options.Value.Directory);
        _cache = new ThemeTemplateCache(Files);
        ActiveTheme = Files.ThemeExists(options.Value.Active) ? options.Value.Active : ThemeOptions.DefaultTheme;
        _version = new ThemeVersion(Files, ActiveTheme);
        ConfigureEngine();
    }

    /// <summary>The theme in use: the configured one, or <c>default</c> when it does not exist.</summary>
    public string ActiveTheme { get; }

    public ThemeFiles Files { get; }

    /// <summary>Changes when a file of the active theme changes on disk: part of page ETags.</summary>
    public string Version => _version.Value;

    /// <summary>Renders <c>templates/{template}.liquid</c> of the active theme.</summary>
    /// <exception cref="ThemeException">The template (or one it uses) is missing or broken.</exception>
    public string Render(string template, object page, SiteView site, string pageTitle, string pageDescription)
    {
        ArgumentNullException.ThrowIfNull(page);
        var name = "templates/" + template;
        var parsed = _cache.Get(ActiveTheme, name);
        var previous = ThemeFileSystem.Current;
        ThemeFileSystem.Current = (_cache, ActiveTheme);
        try
        {
            var variables = Hash.FromDictionary(new Dictionary<string, object>
            {
                ["site"] = site,
                ["page"] = page,
                ["page_title"] = pageTitle,
                ["page_description"] = pageDescription,
                ["template"] = template,
            });
            return parsed.Render(new RenderParameters(CultureInfo.InvariantCulture)
            {
                LocalVariables = variables,
                ErrorsOutputMode = ErrorsOutputMode.Rethrow,
                MaxIterations = MaxIterations,
                Timeout = TimeoutMs,
            });
        }
        catch (ThemeException)
        {
            throw;
        }
        catch (Exception e) when (e is DotLiquid.Exceptions.LiquidException or DotLiquid.Exceptions.RenderException or InvalidOperationException or ArgumentException or TimeoutException)
        {
            throw new ThemeException($"{ActiveTheme}/{name}.liquid", 0, e.Message, e);
        }
        finally
        {
            ThemeFileSystem.Current = previous;
        }
    }

    /// <summary>DotLiquid's configuration is global: set it once per process.</summary>
    private static void ConfigureEngine()
    {
        lock (ConfigureLock)
        {
            if (_configured)
            {
                return;
            }

            Template.FileSystem = ThemeFileSystem.Instance;

            // Parsed templates are cached and shared by concurrent requests: without this, {% assign %}
            // and loop state live on the template and leak from one request's page into the next.
            Template.DefaultIsThreadSafe = true;
            Template.NamingConvention = new RubyNamingConvention();

            // HtmlEncoder.Default would turn é into &#233;: allow all ranges, still encoding markup characters.
            var encoder = HtmlEncoder.Create(UnicodeRanges.All);
            Template.RegisterValueTypeTransformer(typeof(string), v => encoder.Encode((string)v));

            // {{ list }} joins items without the string transformer: encode them here.
            Template.RegisterValueTypeTransformer(typeof(System.Collections.IEnumerable), v => string.Concat(
                ((System.Collections.IEnumerable)v).Cast<object?>().Select(item => item is RawHtml raw ? raw.Html : encoder.Encode(Convert.ToString(item, CultureInfo.InvariantCulture) ?? string.Empty))));
            Template.RegisterSafeType(typeof(RawHtml), o => o);
            foreach (var type in typeof(SiteView).Assembly.GetTypes().Where(t => t.Namespace == typeof(SiteView).Namespace && t.IsPublic))
            {
                var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.Name != "EqualityContract")
                    .Select(p => p.Name)
                    .ToArray();
                Template.RegisterSafeType(type, members);
            }

            Template.RegisterFilter(typeof(KbFilters));
            _configured = true;
        }
    }
}
