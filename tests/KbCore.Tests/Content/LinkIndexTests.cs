using KbCore.Content;
using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Content;

public class LinkIndexTests
{
    [Theory]
    [InlineData("guides", "setup.md", "guides/setup.md")]
    [InlineData("guides", "./setup.md", "guides/setup.md")]
    [InlineData("guides/deep", "../setup.md", "guides/setup.md")]
    [InlineData("guides", "../billing/x.md", "billing/x.md")]
    [InlineData("guides", "/billing/x.md", "billing/x.md")]
    [InlineData("guides", "a//b/./c", "guides/a/b/c")]
    [InlineData("", "x.md", "x.md")]
    [InlineData("guides", "..", "")]
    public void Combine_RelativePath_NormalisedInsideRoot(string folder, string relative, string expected)
    {
        // Act
        var path = LinkIndex.Combine(folder, relative);

        // Assert
        Assert.Equal(expected, path);
    }

    [Theory]
    [InlineData("guides", "../../x.md")]
    [InlineData("", "../x.md")]
    [InlineData("a/b", "../../../../etc/passwd")]
    [InlineData("a", "/../x.md")]
    [InlineData("a", "b/../../../x.md")]
    public void Combine_ClimbsAboveRoot_ReturnsNull(string folder, string relative)
    {
        // Act
        var path = LinkIndex.Combine(folder, relative);

        // Assert
        Assert.Null(path);
    }

    [Fact]
    public void ResolveWikiTarget_AmbiguousSlugOrTitle_FirstPathInOrdinalOrderWins()
    {
        // Arrange
        var snapshot = TestContent.Snapshot(new Dictionary<string, string?>
        {
            ["b/setup.md"] = "---\ntitle: Setup\n---\n",
            ["a/setup.md"] = "---\ntitle: Setup\n---\n",
            ["c/other.md"] = "---\ntitle: a/setup\n---\n",
        });

        // Act
        var bySlug = snapshot.Links.ResolveWikiTarget("setup");
        var byTitle = snapshot.Links.ResolveWikiTarget("SETUP");
        var byPath = snapshot.Links.ResolveWikiTarget("b/setup");
        var pathBeatsTitle = snapshot.Links.ResolveWikiTarget("a/setup");
        var missing = snapshot.Links.ResolveWikiTarget("nothing");

        // Assert
        Assert.Equal("a/setup", bySlug!.Path);
        Assert.Equal("a/setup", byTitle!.Path);
        Assert.Equal("b/setup", byPath!.Path);
        Assert.Equal("a/setup", pathBeatsTitle!.Path);
        Assert.Null(missing);
    }

    [Fact]
    public void Fingerprint_SameTargetsDifferentContent_Equal()
    {
        // Arrange
        var one = TestContent.Snapshot(new Dictionary<string, string?> { ["a/x.md"] = "# One\n", ["a/i.png"] = "1" });
        var two = TestContent.Snapshot(new Dictionary<string, string?> { ["a/x.md"] = "# One\n\nNew body.\n", ["a/i.png"] = "2" });
        var renamed = TestContent.Snapshot(new Dictionary<string, string?> { ["a/y.md"] = "# One\n", ["a/i.png"] = "1" });
        var assetAdded = TestContent.Snapshot(new Dictionary<string, string?> { ["a/x.md"] = "# One\n", ["a/i.png"] = "1", ["a/j.png"] = "1" });

        // Act
        var fingerprints = new[] { one, two, renamed, assetAdded }.Select(s => s.Links.Fingerprint).ToArray();

        // Assert
        Assert.Equal(fingerprints[0], fingerprints[1]);
        Assert.NotEqual(fingerprints[0], fingerprints[2]);
        Assert.NotEqual(fingerprints[0], fingerprints[3]);
        Assert.Equal(16, fingerprints[0].Length);
    }

    [Fact]
    public void Fingerprint_TitleOrVisibilityChanges_Differs()
    {
        // Arrange: links render differently when a target's title or visibility changes.
        var one = TestContent.Snapshot(new Dictionary<string, string?> { ["a/x.md"] = "# One\n" });
        var retitled = TestContent.Snapshot(new Dictionary<string, string?> { ["a/x.md"] = "# Uno\n" });
        var hidden = TestContent.Snapshot(new Dictionary<string, string?> { ["a/x.md"] = "---\nvisibility: internal\n---\n# One\n" });

        // Act + Assert
        Assert.NotEqual(one.Links.Fingerprint, retitled.Links.Fingerprint);
        Assert.NotEqual(one.Links.Fingerprint, hidden.Links.Fingerprint);
    }
}
