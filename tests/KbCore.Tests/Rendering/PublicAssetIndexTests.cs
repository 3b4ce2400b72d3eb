using KbCore.Rendering;
using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Rendering;

public sealed class PublicAssetIndexTests
{
    [Fact]
    public void IsPublic_ImagesAPublicArticleShows_OnlyThose()
    {
        // Arrange
        var files = new Dictionary<string, string?>
        {
            ["images/shared.png"] = "png",
            ["images/internal-only.png"] = "png",
            ["images/unused.png"] = "png",
            ["images/html.png"] = "png",
            ["images/in-code.png"] = "png",
            ["images/reference.png"] = "png",
            ["images/root-relative.png"] = "png",
            ["images/with space.png"] = "png",
            ["guides/local.png"] = "png",
            ["guides/public.md"] = """
                # Public

                ![Shared](../images/shared.png "a title")
                ![Beside](local.png?v=2)
                <img src="../images/html.png" alt="raw HTML is not resolved: fail closed">
                ![Logo][logo]
                ![Root](/images/root-relative.png)
                ![Spaced](<../images/with space.png>)
                ![External](https://example.com/images/unused.png)
                ![Escaping](../../../images/unused.png)

                ```
                ![In code](../images/in-code.png)
                ```

                [logo]: ../images/reference.png "Title"
                """,
            ["guides/internal.md"] = "---\nvisibility: internal\n---\n![Internal](../images/internal-only.png)\n",
        };
        var snapshot = TestContent.Snapshot(files);
        var index = new PublicAssetIndex();

        // Act
        var visible = snapshot.Assets.Keys.Where(path => index.IsPublic(snapshot, path)).Order(StringComparer.Ordinal);

        // Assert
        Assert.Equal(
            ["guides/local.png", "images/reference.png", "images/root-relative.png", "images/shared.png", "images/with space.png"],
            visible);
    }
}
