using KbCore.Rendering;

namespace KbCore.Tests.Rendering;

public class HelpCenterUrlsTests
{
    [Theory]
    [InlineData("", "/")]
    [InlineData("billing", "/billing")]
    [InlineData("billing/invoices/create-an-invoice", "/billing/invoices/create-an-invoice")]
    [InlineData("faq/how do I pay?", "/faq/how%20do%20I%20pay%3F")]
    [InlineData("faq/50%#&", "/faq/50%25%23%26")]
    [InlineData("café/über", "/caf%C3%A9/%C3%BCber")]
    public void ForPath_RepositoryPath_EachSegmentEscaped(string path, string expected)
    {
        // Act
        var url = HelpCenterUrls.ForPath(path);

        // Assert
        Assert.Equal(expected, url);
    }

    [Theory]
    [InlineData("setup", "#kb-setup")]
    [InlineData("kb-setup", "#kb-setup")]
    [InlineData("fn:1", "#kb-fn-1")]
    public void Fragment_Anchor_PrefixedOnce(string anchor, string expected)
    {
        // Act
        var fragment = HelpCenterUrls.Fragment(anchor);

        // Assert
        Assert.Equal(expected, fragment);
    }
}
