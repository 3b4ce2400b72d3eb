namespace KbCore.Themes.Models;

/// <summary>A facet (category, tag, ticket category) with its values among the results.</summary>
public sealed record FacetGroupView(string Name, string Label, IReadOnlyList<FacetValueView> Values);
