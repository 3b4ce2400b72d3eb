using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace KbCore.Themes.Seo;

/// <summary>
/// What an article's rendered (sanitized) HTML says about it for link previews and structured data: its first image
/// and, when it is a list of questions with answers, those (<see cref="From"/> gives the rule).
/// </summary>
/// <param name="FirstImage">The <c>src</c> of the first image, as rendered (root-relative or absolute); null without one.</param>
/// <param name="Questions">Question and plain-text answer pairs; empty unless the article is a FAQ.</param>
public sealed record ArticleStructure(string? FirstImage, IReadOnlyList<(string Question, string Answer)> Questions)
{
    /// <summary>The front matter key that says what kind of article this is; <c>faq</c> makes it a FAQ.</summary>
    public const string TypeKey = "type";

    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// Reads <paramref name="html"/>. The article is a FAQ when its front matter says <c>type: faq</c>, or, without a
    /// <c>type</c>, when it has at least two level-2 headings and every one of them ends with <c>?</c>. Either way
    /// each such heading needs an answer (some text before the next level-2 heading); a question without one means
    /// the page is not really questions and answers, and it gets no FAQ data at all. Any other <c>type</c> opts out.
    /// </summary>
    public static ArticleStructure From(string html, string? type)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = Parser.ParseDocument("<!DOCTYPE html><body>" + html);
        var body = document.Body!;
        var image = body.QuerySelector("img[src]")?.GetAttribute("src");
        var declared = string.Equals(type, "faq", StringComparison.OrdinalIgnoreCase);
        if (!declared && !string.IsNullOrWhiteSpace(type))
        {
            return new ArticleStructure(image, []);
        }

        var headings = body.QuerySelectorAll("h2").ToList();
        var questions = new List<(string, string)>();
        foreach (var heading in headings)
        {
            var question = Words(heading.TextContent);
            var answer = Words(string.Join(' ', AnswerOf(heading).Select(e => e.TextContent)));
            var looksLikeOne = declared || question.EndsWith('?');
            if (!looksLikeOne || question.Length == 0 || answer.Length == 0)
            {
                return new ArticleStructure(image, []);
            }

            questions.Add((question, answer));
        }

        return new ArticleStructure(image, declared || questions.Count >= 2 ? questions : []);
    }

    // Markdig writes sections flat: a question's answer is what follows its heading up to the next level-2 one.
    private static IEnumerable<IElement> AnswerOf(IElement heading)
    {
        for (var e = heading.NextElementSibling; e is not null && e.LocalName != "h2"; e = e.NextElementSibling)
        {
            yield return e;
        }
    }

    private static string Words(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
