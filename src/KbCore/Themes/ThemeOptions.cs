namespace KbCore.Themes;

/// <summary>Which theme the help center wears (section <c>Themes</c>).</summary>
public sealed class ThemeOptions
{
    public const string Section = "Themes";

    public const string DefaultTheme = "default";

    /// <summary>Name of a folder under <see cref="Directory"/>.</summary>
    public string Active { get; set; } = DefaultTheme;

    /// <summary>Folder holding one sub-folder per theme.</summary>
    public string Directory { get; set; } = "themes";
}
