using Fluid;

namespace KbCore.Themes.Lint;

/// <summary>One theme file for <see cref="ThemeLint"/>.</summary>
/// <param name="Name">As templates name it, e.g. <c>partials/article-card</c>.</param>
/// <param name="Display">As errors name it, e.g. <c>midnight/partials/article-card.liquid</c>.</param>
/// <param name="Template">The parsed template (a statement list).</param>
/// <param name="Source">Its text, for line numbers.</param>
internal sealed record LintFile(string Name, string Display, IFluidTemplate Template, string Source);
