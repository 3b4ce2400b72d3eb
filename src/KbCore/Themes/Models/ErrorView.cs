namespace KbCore.Themes.Models;

/// <summary>The error page: templates/error.liquid (404, 500 and friends).</summary>
public sealed record ErrorView(int Status, string Title, string Message);
