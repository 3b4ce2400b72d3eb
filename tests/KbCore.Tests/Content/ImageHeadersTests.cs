using System.Buffers.Binary;
using System.Diagnostics;
using KbCore.Content;
using KbCore.Content.Images;
using KbCore.Tests.Infrastructure;

namespace KbCore.Tests.Content;

/// <summary>The pixel cap and header checks that uploads and pushes share, on images generated here.</summary>
public sealed class ImageHeadersTests
{
    [Fact]
    public void PngHeader_Claiming65535Square_IsRefusedByThePushCheck()
    {
        var huge = TestImages.PngWithHeader(65535, 65535, [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);

        var refusal = PushedFiles.CheckContent("docs/images/huge.png", huge);

        Assert.NotNull(refusal);
        Assert.Contains("65535 × 65535 pixels", refusal, StringComparison.Ordinal);
        Assert.Contains("at most 40 megapixels", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void PngBomb_TwentyThousandPixelsSquare_IsRefusedWithoutDecoding()
    {
        var bomb = TestImages.PngBomb(20_000);
        Assert.InRange(bomb.Length, 1, 200 * 1024);
        ImageHeaders.Check(TestImages.Png(2, 2), ImageHeaders.DefaultMaxPixels);

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var refusal = PushedFiles.CheckContent("docs/images/bomb.png", bomb);
        clock.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.NotNull(refusal);
        Assert.Contains("20000 × 20000 pixels (400 megapixels)", refusal, StringComparison.Ordinal);

        // Inflating it would take 50 MB of rows (1.6 GB as RGBA) and far longer than this.
        Assert.InRange(allocated, 0, 64 * 1024);
        Assert.InRange(clock.ElapsedMilliseconds, 0, 200);
    }

    [Theory]
    [InlineData("jpeg frame", "65535 × 65535")]
    [InlineData("gif frame", "a frame of the image is 10000 × 10000")]
    [InlineData("webp lossless", "16384 × 16384")]
    [InlineData("webp extended canvas", "16777216 × 16777216")]
    [InlineData("apng frame", "a frame of the image is 9000 × 9000")]
    public void OversizedHeaders_OfEveryFormat_AreRefused(string kind, string expected)
    {
        var image = Oversized(kind);

        var refusal = ImageHeaders.Check(image, ImageHeaders.DefaultMaxPixels);

        Assert.NotNull(refusal);
        Assert.Contains(expected, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCap_IsTheCallersToSet()
    {
        var png = TestImages.Png(1500, 1000);

        Assert.Null(PushedFiles.CheckContent("docs/images/a.png", png));
        Assert.Contains("1500 × 1000 pixels (1.5 megapixels); images can have at most 1 megapixels", PushedFiles.CheckContent("docs/images/a.png", png, 1_000_000), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpg")]
    [InlineData("gif")]
    [InlineData("webp")]
    [InlineData("webp lossless")]
    public void TruncatedImages_AreRefused_WholeOnesAccepted(string kind)
    {
        var image = kind switch
        {
            "png" => TestImages.Png(64, 48),
            "jpg" => TestImages.Jpeg(64, 48),
            "gif" => TestImages.AnimatedGif("hello"),
            "webp" => TestImages.WebP(64, 48),
            _ => TestImages.WebP(64, 48, lossless: true),
        };

        Assert.Null(ImageHeaders.Check(image, ImageHeaders.DefaultMaxPixels));
        foreach (var length in new[] { image.Length - 1, image.Length / 2, 16 })
        {
            var refusal = ImageHeaders.Check(image.AsSpan(0, length), ImageHeaders.DefaultMaxPixels);
            Assert.True(refusal is not null, $"{kind} cut to {length} bytes was accepted");
            Assert.Contains("truncated", refusal, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpg")]
    [InlineData("gif")]
    [InlineData("webp")]
    public void CorruptedImages_AreRefusedOrStripped_NeverAnException(string kind)
    {
        var image = kind switch
        {
            "png" => TestImages.WithPngChunks(TestImages.Png(16, 8), TestImages.PngChunk("tEXt", "a\0b"u8.ToArray())),
            "jpg" => TestImages.WithJpegSegments(TestImages.Jpeg(16, 8), TestImages.JpegSegment(0xE1, TestImages.ExifWithGps(6))),
            "gif" => TestImages.AnimatedGif("hello"),
            _ => TestImages.WebPWithMetadata(TestImages.WebP(16, 8), [1, 2, 3], [4]),
        };
        var random = new Random(16);

        for (var round = 0; round < 3000; round++)
        {
            var damaged = (byte[])image.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                // Past the signature, which only decides the format.
                damaged[random.Next(12, damaged.Length)] = (byte)random.Next(256);
            }

            var cut = damaged.AsSpan(0, random.Next(12, damaged.Length + 1));
            if (ImageHeaders.Check(cut, ImageHeaders.DefaultMaxPixels) is null)
            {
                ImageMetadata.Strip(cut);
            }
        }
    }

    [Fact]
    public void DamagedHeaders_AreRefusedInWords()
    {
        var png = TestImages.Png(8, 8);

        Assert.Contains("impossible size", ImageHeaders.Check(TestImages.PngWithHeader(0, 10, [0]), ImageHeaders.DefaultMaxPixels), StringComparison.Ordinal);
        Assert.Contains("declares no size", ImageHeaders.Check(TestImages.JpegClaiming(TestImages.Jpeg(8, 8), 8, 0), ImageHeaders.DefaultMaxPixels), StringComparison.Ordinal);
        Assert.Contains("PNG", ImageHeaders.Check(StartWithText(png), ImageHeaders.DefaultMaxPixels), StringComparison.Ordinal);
        Assert.Contains("empty logical screen", ImageHeaders.Check([.. "GIF89a"u8, 0, 0, 0, 0, 0, 0, 0, 0x3B], ImageHeaders.DefaultMaxPixels), StringComparison.Ordinal);
        Assert.Contains("not a PNG, JPEG, GIF or WebP", ImageHeaders.Check("<svg/>"u8, ImageHeaders.DefaultMaxPixels), StringComparison.Ordinal);
    }

    /// <summary>The PNG with a text chunk before IHDR, which must come first.</summary>
    private static byte[] StartWithText(byte[] png) => [.. png[..8], .. TestImages.PngChunk("tEXt", "a\0b"u8.ToArray()), .. png[8..]];

    private static byte[] Oversized(string kind)
    {
        switch (kind)
        {
            case "jpeg frame":
                return TestImages.JpegClaiming(TestImages.Jpeg(16, 16), 65535, 65535);
            case "gif frame":
                return TestImages.AnimatedGif("x", secondFrameSide: 10_000);
            case "webp lossless":
                var lossless = TestImages.WebP(16, 16, lossless: true);
                var bits = BinaryPrimitives.ReadUInt32LittleEndian(lossless.AsSpan(21));
                BinaryPrimitives.WriteUInt32LittleEndian(lossless.AsSpan(21), (bits & 0xF000_0000) | 0x3FFF | (0x3FFFu << 14));
                return lossless;
            case "webp extended canvas":
                var extended = TestImages.WebPWithMetadata(TestImages.WebP(16, 16), [1], [2]);
                extended.AsSpan(20 + 4, 6).Fill(0xFF);
                return extended;
            default:
                // An APNG whose second frame header (fcTL) claims 9000 × 9000 on a 16 × 16 canvas.
                var frame = new byte[26];
                BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), 9000);
                BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), 9000);
                return TestImages.WithPngChunks(TestImages.Png(16, 16), TestImages.PngChunk("acTL", new byte[8]), TestImages.PngChunk("fcTL", frame));
        }
    }
}
