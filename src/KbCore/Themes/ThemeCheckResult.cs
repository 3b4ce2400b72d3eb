namespace KbCore.Themes;

/// <summary>What <see cref="ThemeRenderer.CheckTemplates"/> found: how many files it parsed, and each one that fails.</summary>
/// <param name="Files">Template, layout and partial files parsed: the theme's own and the <c>default</c> ones it falls back to.</param>
/// <param name="Errors">One per broken file, naming the file and the line.</param>
public sealed record ThemeCheckResult(int Files, IReadOnlyList<ThemeException> Errors);
