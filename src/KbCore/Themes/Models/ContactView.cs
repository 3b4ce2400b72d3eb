namespace KbCore.Themes.Models;

/// <summary>The <c>contact</c> template's page: how to reach the support team once the articles did not help.</summary>
/// <param name="Email">The support address (<c>HelpCenter:ContactEmail</c>), or empty when none is configured.</param>
/// <param name="Query">What the visitor searched for last, when they came from a search.</param>
public sealed record ContactView(string Email, string Query);
