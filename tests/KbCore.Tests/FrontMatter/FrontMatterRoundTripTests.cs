using System.Runtime.CompilerServices;
using System.Text;
using KbCore.Articles;

namespace KbCore.Tests.FrontMatter;

/// <summary>
/// Golden files for web saves, in the spirit of Markdig's spec tests. Each folder under <c>Cases/</c> holds an article as
/// committed (<c>input.md</c>), what the person changed in the editor (<c>edit.yml</c>, see <see cref="FormEdit"/>) and
/// the file the save must write (<c>expected.md</c>), compared byte for byte: a web save changes only what was changed.
/// Set <c>KB_UPDATE_GOLDEN=1</c> to rewrite the expected files from the current output, then review the diff.
/// </summary>
public sealed class FrontMatterRoundTripTests
{
    private static readonly string CasesDirectory = Path.Combine(AppContext.BaseDirectory, "FrontMatter", "Cases");

    public static TheoryData<string> Cases => [.. Directory.GetDirectories(CasesDirectory).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    [Fact]
    public void Cases_AreCopiedToTheTestOutput()
    {
        Assert.True(Directory.GetDirectories(CasesDirectory).Length >= 20, CasesDirectory);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Save_WritesExactlyTheExpectedFile(string name)
    {
        // Arrange
        var input = Read(name, "input.md");
        var form = ArticleForm.FromFile(input, Visibility.Public);
        FormEdit.Apply(form, Read(name, "edit.yml"));
        Assert.Empty(form.Validate());

        // Act
        var saved = form.ToFile(input, Visibility.Public);

        // Assert
        UpdateIfAsked(name, saved);
        Assert.Equal(Visible(Read(name, "expected.md")), Visible(saved));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Save_WithNothingChanged_WritesTheFileAsItWas(string name)
    {
        foreach (var file in new[] { "input.md", "expected.md" })
        {
            var text = Read(name, file);
            var form = ArticleForm.FromFile(text, Visibility.Public);
            if (form.Title.Length == 0)
            {
                continue;
            }

            FormEdit.Apply(form, "{}");

            Assert.Equal(Visible(text), Visible(form.ToFile(text, Visibility.Public)));
        }
    }

    /// <summary>Line endings and a byte-order mark made visible, so a failure shows where bytes differ.</summary>
    private static string Visible(string text) => text.Replace("\uFEFF", "<BOM>", StringComparison.Ordinal).Replace("\r", "<CR>", StringComparison.Ordinal);

    /// <summary>UTF-8 as git stores it, with no byte-order mark or line ending changed on the way in.</summary>
    private static string Read(string name, string file) => Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(CasesDirectory, name, file)));

    private static void UpdateIfAsked(string name, string saved, [CallerFilePath] string source = "")
    {
        if (Environment.GetEnvironmentVariable("KB_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(source)!, "Cases", name, "expected.md"), Encoding.UTF8.GetBytes(saved));
        }
    }
}
