namespace KbCore.Themes.Models;

/// <summary>A ticket category the visitor can pick on the contact page.</summary>
public sealed record ContactCategoryView(string Id, string Name, bool Selected);
