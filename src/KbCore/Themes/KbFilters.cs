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
}
