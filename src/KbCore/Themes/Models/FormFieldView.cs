namespace KbCore.Themes.Models;

/// <summary>A hidden form field the template must include as is (the antiforgery token).</summary>
public sealed record FormFieldView(string Name, string Value);
