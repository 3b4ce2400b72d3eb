using KbCore.Analytics;

namespace KbCore.Tests.Analytics;

/// <summary>What customers typed, as a title in the help center's own spelling.</summary>
public sealed class TitleTextTests
{
    private static readonly IReadOnlyDictionary<string, string> HouseStyle = TitleText.HouseStyle(
    [
        "Export your data as CSV", "Connect PayPal", "Use the app on your iPhone", "Export a report", "Pay by bank transfer",
    ]);

    [Theory]
    [InlineData("recurring invoice not sent", "Recurring invoice not sent")]
    [InlineData("  csv   export  ", "CSV export")]
    [InlineData("REFUND MY PAYPAL PAYMENT!!!", "Refund my PayPal payment")]
    [InlineData("how do i export to csv?", "How do I export to CSV?")]
    [InlineData("iphone app crashes", "iPhone app crashes")]
    [InlineData("Export fails for Acme Corp", "Export fails for Acme Corp")]
    [InlineData("\"export\" report", "\"Export\" report")]
    [InlineData("?!", "")]
    public void From_CustomerText_IsSentenceCasedInTheHouseStyle(string typed, string title)
    {
        Assert.Equal(title, TitleText.From(typed, HouseStyle));
    }

    [Fact]
    public void HouseStyle_IgnoresFirstWordsAndKeepsWhatTheTitlesAgreeOn()
    {
        Assert.Equal("CSV", HouseStyle["csv"]);
        Assert.Equal("PayPal", HouseStyle["paypal"]);
        Assert.False(HouseStyle.ContainsKey("export"));
        Assert.False(HouseStyle.ContainsKey("pay"));
    }

    [Fact]
    public void From_LongText_IsCutAtAWord()
    {
        var title = TitleText.From(string.Join(' ', Enumerable.Repeat("invoice", 40)), HouseStyle);

        Assert.True(title.Length <= TitleText.MaxLength);
        Assert.EndsWith("invoice", title, StringComparison.Ordinal);
        Assert.Equal(TitleText.MaxLength, TitleText.From(new string('x', 500), HouseStyle).Length);
    }
}
