using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using KbCore.Themes.Lint;
using KbCore.Themes.Models;
using KbCore.Themes.Tags;
using Microsoft.Extensions.Options;

namespace KbCore.Themes;

/// <summary>
/// Renders help-center pages from the active theme's Liquid templates. The only class that knows the
/// template engine (Fluid), so it stays swappable. Templates see view records only; every output is
/// HTML-encoded except <see cref="RawHtml"/>. Thread-safe.
/// </summary>
public sealed class ThemeRenderer
{
    // A layout may itself name a layout; more than this is a loop.
    private const int MaxLayouts = 4;

    // HtmlEncoder.Default would turn é into &#233;: allow all ranges, still encoding markup characters.
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly ThemeTemplateCache _cache;
    private readonly ThemeVersion _version;
    private readonly ThemeSettings _settings;
    private readonly TemplateOptions _options;

    public ThemeRenderer(IOptions<ThemeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Files = new ThemeFiles(options.Value.Directory);
        _cache = new ThemeTemplateCache(Files);
        ActiveTheme = Files.ThemeExists(options.Value.Active) ? options.Value.Active : ThemeOptions.DefaultTheme;
        _version = new ThemeVersion(Files, ActiveTheme);
        _settings = new ThemeSettings(Files, ActiveTheme);
        _options = new TemplateOptionsBuilder()
            .WithMemberAccessStrategy(() => ViewMemberAccess.Instance)
            .WithFileProvider(new ThemeFileProvider(Files, ActiveTheme))
            .WithTemplateCache(_cache)
            .WithCultureInfo(CultureInfo.InvariantCulture)
            .WithMaxSteps(ThemeLimits.MaxSteps)
            .WithMaxRecursion(ThemeLimits.MaxRecursion)
            .WithMaxOutputSize(ThemeLimits.MaxOutputSize)
            .WithMaxCollectionSize(ThemeLimits.MaxCollectionSize)
            .AddValueConverter(value => value is RawHtml raw ? StringValue.Create(raw.Html, false) : null)
            .AddKbFilters()
            .Build();
    }

    /// <summary>The theme in use: the configured one, or <c>default</c> when it does not exist.</summary>
    public string ActiveTheme { get; }

    public ThemeFiles Files { get; }

    /// <summary>Changes when a file of the active theme changes on disk: part of page ETags.</summary>
    public string Version => _version.Value;

    /// <summary>
    /// Parses every <c>.liquid</c> file the active theme would use (its own, and <c>default</c>'s where it has none)
    /// and checks the variables, members, filters and partials they use (<see cref="ThemeLint"/>), so a mistake
    /// shows before a visitor meets it: <c>check --theme</c>.
    /// </summary>
    public ThemeCheckResult CheckTemplates()
    {
        var names = new[] { ActiveTheme, ThemeOptions.DefaultTheme }
            .Distinct(StringComparer.Ordinal)
            .Select(theme => Path.Combine(Files.Root, theme))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.liquid", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(dir, file).Replace('\\', '/')))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var errors = new List<ThemeException>();
        var parsed = new List<LintFile>();
        foreach (var name in names)
        {
            var template = name[..^".liquid".Length];
            try
            {
                var file = (NamedTemplate)_cache.Get(ActiveTheme, template);
                parsed.Add(new LintFile(template, file.File, file.Inner, File.ReadAllText(Files.Find(ActiveTheme, name)!)));
            }
            catch (ThemeException e)
            {
                errors.Add(e);
            }
        }

        errors.AddRange(ThemeLint.Check(parsed, _options.Filters, partial => Files.Find(ActiveTheme, partial + ".liquid") is not null));
        errors.AddRange(_settings.Problems(Version));
        return new ThemeCheckResult(names.Count, errors);
    }

    /// <summary>Renders <c>templates/{template}.liquid</c> of the active theme, then the layouts it names.</summary>
    /// <param name="seo">What the head tells search engines; without it the page says <c>noindex</c> and nothing more.</param>
    /// <exception cref="ThemeException">The template (or one it uses) is missing, broken or over a limit.</exception>
    public string Render(string template, object page, SiteView site, string pageTitle, string pageDescription, SeoView? seo = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (ThemePages.Models.TryGetValue(template, out var model) && page.GetType() != model)
        {
            // What check --theme checks a template against is what it gets.
            throw new ArgumentException($"templates/{template} renders a {model.Name}, not a {page.GetType().Name}", nameof(page));
        }

        var name = "templates/" + template;
        var parsed = (NamedTemplate)_cache.Get(ActiveTheme, name);
        using var deadline = new CancellationTokenSource(ThemeLimits.Timeout);
        var context = new TemplateContext(_options) { CancellationToken = deadline.Token };
        context.SetValue("site", site);
        context.SetValue("page", page);
        context.SetValue("page_title", pageTitle);
        context.SetValue("page_description", pageDescription);
        context.SetValue("template", template);
        context.SetValue("seo", seo ?? SeoView.NoIndex);
        context.SetValue("theme", _settings.View(Version));
        context.AmbientValues[KbFilters.AssetVersionKey] = Version;
        var file = parsed.File;
        try
        {
            var html = parsed.Render(context, Encoder);
            for (var depth = 0; context.AmbientValues.Remove(KbFluidParser.LayoutKey, out var layout) && layout is string { Length: > 0 } layoutName; depth++)
            {
                if (depth == MaxLayouts)
                {
                    throw new ThemeException(file, 0, $"more than {MaxLayouts} nested layouts");
                }

                var outer = (NamedTemplate)_cache.Get(ActiveTheme, layoutName);
                file = outer.File;

                // Already encoded by the page's render: written as is.
                context.SetValue("content_for_layout", StringValue.Create(html, false));
                html = outer.Render(context, Encoder);
            }

            return html;
        }
        catch (ThemeException)
        {
            throw;
        }
        catch (OperationCanceledException e)
        {
            throw new ThemeException(file, 0, $"stopped: rendering took longer than {ThemeLimits.Timeout.TotalSeconds:0} s", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FileNotFoundException or ParseException)
        {
            throw new ThemeException(file, 0, ThemeLimits.Describe(e), e);
        }
    }
}
