namespace KbCore.Themes.Models;

/// <summary>The active theme, as every template sees it: <c>theme</c>.</summary>
/// <param name="Name">The theme's folder name, e.g. <c>midnight</c>.</param>
/// <param name="Settings">
/// The <c>settings:</c> of its theme.yml over those of <c>default</c>'s: text, true/false, numbers, or lists of them,
/// by key (<c>theme.settings.show_recent</c>).
/// </param>
public sealed record ThemeView(string Name, IReadOnlyDictionary<string, object> Settings);
