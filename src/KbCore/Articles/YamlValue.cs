namespace KbCore.Articles;

/// <summary>
/// A parsed YAML node that keeps its line and, for mappings, every key in order (duplicates included),
/// so front matter problems can be reported precisely instead of being resolved silently.
/// </summary>
internal abstract record YamlValue(int Line);

internal sealed record YamlScalar(int Line, string? Text, bool Quoted) : YamlValue(Line);

internal sealed record YamlSequence(int Line, IReadOnlyList<YamlValue> Items) : YamlValue(Line);

internal sealed record YamlMapping(int Line, IReadOnlyList<KeyValuePair<string, YamlValue>> Entries) : YamlValue(Line);
