namespace KbCore.Articles;

/// <summary>
/// A settings file of the repository that is one list under a key (<c>categories:</c>, <c>synonyms:</c>), or a bare
/// list: its items, or the problem that stops it being read, reported on <paramref name="FileName"/>'s line.
/// </summary>
/// <param name="FileName">The file, as problems name it.</param>
/// <param name="Key">The key the list is under.</param>
/// <param name="Noun">What the file is called in a YAML syntax error ("catalog").</param>
internal sealed record YamlListFile(string FileName, string Key, string Noun)
{
    /// <summary>The list's items; null with a problem when the file is not such a list (an empty file is one only when <paramref name="emptyIsList"/>).</summary>
    public IReadOnlyList<YamlValue>? Read(string yaml, ICollection<ContentProblem> problems, string expected, bool emptyIsList = false)
    {
        YamlValue? root;
        try
        {
            root = YamlReader.Read(yaml ?? string.Empty, firstLine: 1);
        }
        catch (FrontMatterException e)
        {
            problems.Add(new(FileName, e.Line, ContentProblem.Error, e.Message.Replace("front matter", Noun, StringComparison.Ordinal)));
            return null;
        }

        if (root is null && emptyIsList)
        {
            return [];
        }

        var list = root switch
        {
            YamlMapping m => m.Entries.FirstOrDefault(e => e.Key == Key).Value as YamlSequence,
            YamlSequence s => s,
            _ => null,
        };
        if (list is null)
        {
            problems.Add(new(FileName, root?.Line ?? 1, ContentProblem.Error, expected));
        }

        return list?.Items;
    }
}
