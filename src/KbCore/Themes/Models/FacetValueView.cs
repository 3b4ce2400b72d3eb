namespace KbCore.Themes.Models;

/// <summary>One facet value: <c>Url</c> toggles the filter on (or off, when <c>Selected</c>).</summary>
public sealed record FacetValueView(string Label, int Count, string Url, bool Selected);
