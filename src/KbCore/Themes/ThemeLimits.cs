using System.Globalization;

namespace KbCore.Themes;

/// <summary>What a broken or hostile template may cost one request, and how running into a limit reads.</summary>
internal static class ThemeLimits
{
    /// <summary>Statements and loop iterations of one page render, layout and partials included.</summary>
    public const int MaxSteps = 50_000;

    /// <summary>Nested scopes: includes within includes, nested loops.</summary>
    public const int MaxRecursion = 40;

    /// <summary>Characters of output; a long article body is well under it.</summary>
    public const int MaxOutputSize = 16 * 1024 * 1024;

    /// <summary>Items a filter or a range may materialize.</summary>
    public const int MaxCollectionSize = 50_000;

    /// <summary>Characters a string may grow to through <c>append</c>, <c>prepend</c> or <c>times</c>-like doubling.</summary>
    public const int MaxStringLength = 1024 * 1024;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>Fluid names the step limit "recursion" too: say which limits there are, with their values.</summary>
    public static string Describe(Exception e) => e switch
    {
        InvalidOperationException when e.Message.Contains("recursion", StringComparison.Ordinal) => string.Create(
            CultureInfo.InvariantCulture,
            $"stopped: the template ran more than {MaxSteps} steps or nested includes or loops deeper than {MaxRecursion}"),
        InvalidOperationException when e.Message.Contains("output size", StringComparison.Ordinal) => string.Create(
            CultureInfo.InvariantCulture,
            $"stopped: the page grew past {MaxOutputSize} characters"),
        FileNotFoundException => $"template '{e.Message}' not found in the theme or in default",
        _ => e.Message,
    };
}
