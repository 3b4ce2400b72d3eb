namespace KbCore.Themes.Models;

/// <summary>A titled link: breadcrumbs, navigation, section lists.</summary>
public sealed record LinkView(string Title, string Url);
