namespace KbCore.Themes.Models;

/// <summary>The contact form's values and, per field, an error message (empty when valid).</summary>
public sealed record ContactFormView(
    string Subject,
    string Description,
    string Category,
    string Name,
    string Email,
    string SubjectError = "",
    string DescriptionError = "",
    string NameError = "",
    string EmailError = "",
    string CategoryError = "")
{
    public static ContactFormView Empty { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    public bool HasErrors => (SubjectError + DescriptionError + NameError + EmailError + CategoryError).Length > 0;
}
