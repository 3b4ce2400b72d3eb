using System.Globalization;
using Fluid;
using Fluid.Values;

namespace KbCore.Themes;

/// <summary>Liquid filters every theme can use, beside Shopify Liquid's standard ones.</summary>
public static class KbFilters
{
    /// <summary>Where a render keeps the theme's version for <c>asset_url</c> (an ambient value: templates cannot read it).</summary>
    internal const string AssetVersionKey = "kb.asset_version";

    /// <summary><c>{{ page.articles | count_label: 'article' }}</c> gives "1 article" or "12 articles".</summary>
    public static string CountLabel(object? input, string noun)
    {
        var n = input switch
        {
            int i => i,
            System.Collections.ICollection c => c.Count,
            _ => 0,
        };
        return n == 1 ? $"1 {noun}" : $"{n} {noun}s";
    }

    /// <summary><c>{{ text | uri_component }}</c>: percent-encodes for any URI part (spaces as %20, unlike <c>url_encode</c>'s +), e.g. a mailto subject.</summary>
    public static string UriComponent(object? input) => Uri.EscapeDataString(Convert.ToString(input, CultureInfo.InvariantCulture) ?? string.Empty);

    /// <summary>
    /// <c>{{ 'css/site.css' | asset_url }}</c> gives <c>/assets/default/css/site.css?v=…</c>: the file under the theme's
    /// asset base, with the theme's version.
    /// </summary>
    public static string AssetUrl(string assetBase, string file, string? version)
    {
        var url = assetBase.TrimEnd('/') + "/" + string.Join('/', (file ?? string.Empty).TrimStart('/').Split('/').Select(Uri.EscapeDataString));
        return string.IsNullOrEmpty(version) ? url : url + "?v=" + Uri.EscapeDataString(version);
    }

    /// <summary><c>&lt;a href="url" class="…"&gt;title&lt;/a&gt;</c>, every part encoded; no link when there is no URL.</summary>
    public static string LinkToArticle(string url, string title, string? cssClass)
    {
        var encoder = ThemeRenderer.Encoder;
        if (string.IsNullOrEmpty(url))
        {
            return encoder.Encode(title ?? string.Empty);
        }

        var css = string.IsNullOrWhiteSpace(cssClass) ? string.Empty : $" class=\"{encoder.Encode(cssClass)}\"";
        return $"<a href=\"{encoder.Encode(url)}\"{css}>{encoder.Encode(title ?? string.Empty)}</a>";
    }

    /// <summary>Adds these filters, and string filters that cannot grow a string without bound, to theme options.</summary>
    internal static TemplateOptionsBuilder AddKbFilters(this TemplateOptionsBuilder builder) => builder
        .AddFilter("count_label", (input, arguments, context) =>
        {
            object? n = input switch
            {
                ArrayValue array => array.Values.Count,
                NumberValue number => (int)number.ToNumberValue(context),
                _ => null,
            };
            return StringValue.Create(CountLabel(n, arguments.At(0).ToStringValue(context)));
        })
        .AddFilter("uri_component", (input, _, context) => StringValue.Create(UriComponent(input.ToStringValue(context))))

        // {{ 'css/site.css' | asset_url }}: the active theme's file, with the theme's version, so a changed theme
        // reaches browsers at once and an unchanged one can be cached for good.
        .AddFilter("asset_url", (input, _, context) => StringValue.Create(AssetUrl(
            (context.GetValue("site").ToObjectValue(context) as Models.SiteView)?.AssetBase ?? string.Empty,
            input.ToStringValue(context),
            context.AmbientValues.TryGetValue(AssetVersionKey, out var version) ? version as string : null)))

        // {{ article | link_to_article }} or {{ article | link_to_article: 'css-class' }}: any view with a url
        // and a title (an article, a search result, a breadcrumb) as a link, its text encoded.
        .AddFilter("link_to_article", async (input, arguments, context) =>
        {
            var url = (await input.GetValueAsync("url", context)).ToStringValue(context);
            var title = (await input.GetValueAsync("title", context)).ToStringValue(context);
            return StringValue.Create(LinkToArticle(url, title, arguments.At(0).ToStringValue(context)), false);
        })

        // A loop of `s = s | append: s` doubles a string per step: far past any memory long before the step limit.
        .AddFilter("append", (input, arguments, context) => Capped(input.ToStringValue(context) + arguments.At(0).ToStringValue(context)))
        .AddFilter("prepend", (input, arguments, context) => Capped(arguments.At(0).ToStringValue(context) + input.ToStringValue(context)));

    private static FluidValue Capped(string value) => value.Length <= ThemeLimits.MaxStringLength
        ? StringValue.Create(value)
        : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"stopped: a string grew past {ThemeLimits.MaxStringLength} characters"));
}
