namespace KbCore.Themes;

/// <summary>Liquid filters every theme can use. Static methods: DotLiquid maps <c>Slugify</c> to <c>| slugify</c>.</summary>
public static class KbFilters
{
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
    public static string UriComponent(object? input) => Uri.EscapeDataString(Convert.ToString(input, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
}
