using KbCore.Themes;

namespace KbCore.Tests.Themes;

public class KbFiltersTests
{
    [Fact]
    public void CountLabel_Counts_SingularOnlyForOne()
    {
        // Act
        var labels = new[]
        {
            KbFilters.CountLabel(0, "article"),
            KbFilters.CountLabel(1, "article"),
            KbFilters.CountLabel(12, "article"),
            KbFilters.CountLabel(new List<string> { "a" }, "tag"),
            KbFilters.CountLabel(new List<string> { "a", "b", "c" }, "tag"),
            KbFilters.CountLabel(null, "result"),
            KbFilters.CountLabel("not a number", "result"),
        };

        // Assert
        Assert.Equal(["0 articles", "1 article", "12 articles", "1 tag", "3 tags", "0 results", "0 results"], labels);
    }
}
