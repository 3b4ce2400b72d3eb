using System.Text.RegularExpressions;

namespace KbServer.Tests.Infrastructure;

/// <summary>
/// An article of a seed folder, read independently of the product's parser (line-based, for the
/// simple front matter of the sample content) so tests compare against what the files say.
/// </summary>
public sealed partial record SampleArticle(string Path, string Title, bool Internal)
{
    public string Url => "/" + Path;

    public static IReadOnlyList<SampleArticle> ReadAll(string root) =>
        Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(f => System.IO.Path.GetFileName(f) != "_index.md")
            .Select(f => Read(root, f))
            .OrderBy(a => a.Path, StringComparer.Ordinal)
            .ToArray();

    private static SampleArticle Read(string root, string file)
    {
        var text = File.ReadAllText(file);
        var relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
        var title = TitleRegex().Match(text).Groups[1].Value.Trim().Trim('"', '\'');
        var isInternal = VisibilityRegex().Match(text).Groups[1].Value.Trim() == "internal";
        return new SampleArticle(relative[..^3], title, isInternal);
    }

    [GeneratedRegex(@"^title:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"^visibility:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex VisibilityRegex();
}
