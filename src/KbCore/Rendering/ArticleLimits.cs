using System.Globalization;

namespace KbCore.Rendering;

/// <summary>
/// The shapes of markdown that cost a renderer far more than their size (after the cases attackers push to wikis),
/// bounded before anything parses them. One linear scan over the lines, cheap enough to run on every write and every
/// render. It over-counts rather than under-counts where markdown is ambiguous: the limits sit far above what a help
/// article needs, so only a hostile or generated file comes near them.
/// </summary>
public static class ArticleLimits
{
    public const int MaxBodyBytes = Content.ContentWriter.MaxContentBytes;
    public const int MaxLineChars = 20_000;
    public const int MaxParagraphChars = 20_000;
    public const int MaxNesting = 32;
    public const int MaxHeadings = 1_000;
    public const int MaxBlocks = 4_000;
    public const int MaxTableColumns = 64;
    public const int MaxTableCells = 5_000;
    public const int MaxFootnotes = 500;
    public const int MaxLinks = 2_000;

    // Past these a fenced code block is still shown, as plain text without colours: highlighting runs a regex per
    // language over the block, and some of ColorCode's backtrack (see CodeHighlighting.TimedLanguageCompiler).
    public const int MaxHighlightedCodeChars = 20_000;
    public const int MaxHighlightedCodeLines = 1_000;

    /// <summary>The time one render may spend colouring code; the blocks after it are shown plain.</summary>
    public static readonly TimeSpan HighlightBudget = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Null when <paramref name="markdown"/> (a whole file, front matter included, or a body) is within every limit;
    /// otherwise the first limit it breaks. Lines are numbered from <paramref name="firstLine"/>.
    /// </summary>
    public static LimitViolation? Check(string markdown, int firstLine = 1)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        // A character is at most four UTF-8 bytes: shorter texts need no count.
        if (markdown.Length > MaxBodyBytes / 4 && System.Text.Encoding.UTF8.GetByteCount(markdown) is var bytes and > MaxBodyBytes)
        {
            return new LimitViolation("body", 0, bytes, MaxBodyBytes,
                $"The article is larger than {MaxBodyBytes / 1024:N0} KB; split it into several articles.");
        }

        return new LimitScanner(firstLine).Scan(markdown);
    }

    internal static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
