using System.Text.Json;
using KbCore.Themes.Seo;

namespace KbCore.Tests.Themes.Seo;

/// <summary>The FAQ rule and the first image, read from rendered article HTML; and JSON-LD that no text can break out of.</summary>
public sealed class ArticleStructureTests
{
    [Theory]
    [InlineData("<h2>Can I pay by card?</h2><p>Yes.</p><h2>Do you refund?</h2><p>Within 30 days.</p>", null, 2)]
    [InlineData("<h2>Can I pay by card?</h2><p>Yes.</p>", null, 0)] // one question is a heading, not a FAQ
    [InlineData("<h2>Can I pay by card?</h2><p>Yes.</p><h2>Steps</h2><p>Open it.</p>", null, 0)]
    [InlineData("<h2>Can I pay by card?</h2><h2>Do you refund?</h2><p>Within 30 days.</p>", null, 0)] // a question without an answer
    [InlineData("<h2>Can I pay by card?</h2><p>Yes.</p><h2>Do you refund?</h2><p>Within 30 days.</p>", "guide", 0)]
    [InlineData("<h2>Opening hours</h2><p>Nine to five.</p>", "faq", 1)]
    [InlineData("<h2>Opening hours</h2><p>Nine to five.</p>", "FAQ", 1)]
    [InlineData("<p>No headings at all.</p>", "faq", 0)]
    public void From_IsAFaqOnlyForQuestionsWithAnswers(string html, string? type, int questions)
    {
        // Act
        var structure = ArticleStructure.From(html, type);

        // Assert
        Assert.Equal(questions, structure.Questions.Count);
    }

    [Fact]
    public void From_ReadsQuestionAndAnswerText_AndTheFirstImage()
    {
        // Act
        var structure = ArticleStructure.From(
            "<p><img src=\"/help/a.png\" alt=\"\"></p><h2 id=\"kb-q\">Can I  <em>pay</em> by card?</h2><p>Yes,</p><ul><li>any card</li></ul>"
            + "<img src=\"/help/b.png\"><h2>Refunds?</h2><p>30 days.</p>", null);

        // Assert
        Assert.Equal("/help/a.png", structure.FirstImage);
        Assert.Equal([("Can I pay by card?", "Yes, any card"), ("Refunds?", "30 days.")], structure.Questions);
        Assert.Null(ArticleStructure.From("<p>Text only.</p>", null).FirstImage);
    }

    [Fact]
    public void JsonLd_EscapesMarkup_KeepsOtherText_AndParses()
    {
        // Act
        var json = JsonLd.Article("https://help.example.com/a", "Café </script><script>alert(1)</script>", "x & y", null, DateTimeOffset.Parse("2026-01-02T03:04:05+01:00", System.Globalization.CultureInfo.InvariantCulture), ["Zoë"], null, "Help").Html;

        // Assert
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.Contains("Café", json, StringComparison.Ordinal);
        var data = JsonDocument.Parse(json).RootElement;
        Assert.Equal("Café </script><script>alert(1)</script>", data.GetProperty("headline").GetString());
        Assert.Equal("2026-01-02T02:04:05Z", data.GetProperty("dateModified").GetString());
        Assert.False(data.TryGetProperty("datePublished", out _));
        Assert.Equal("Zoë", data.GetProperty("author")[0].GetProperty("name").GetString());
    }
}
