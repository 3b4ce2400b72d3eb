using System.Text;
using KbCore.Content.Images;
using KbCore.Tests.Infrastructure;
using SkiaSharp;

namespace KbCore.Tests.Content;

/// <summary>Metadata stripping on real encoded images, checked by listing what is left and decoding it with Skia.</summary>
public sealed class ImageMetadataTests
{
    [Fact]
    public void Png_LosesTextExifAndTime_KeepsWhatRenderingNeeds()
    {
        var original = TestImages.Png(40, 20);
        var tagged = TestImages.WithPngChunks(
            original,
            TestImages.PngChunk("gAMA", [0, 0, 0xB1, 0x8F]),
            TestImages.PngChunk("tEXt", "Author\0Dana Secret"u8.ToArray()),
            TestImages.PngChunk("zTXt", "Comment\0\0"u8.ToArray()),
            TestImages.PngChunk("iTXt", "Location\0\0\0\0\0Home Secret"u8.ToArray()),
            TestImages.PngChunk("eXIf", TestImages.ExifWithGps(1)[6..]),
            TestImages.PngChunk("tIME", [0x07, 0xEA, 12, 3, 13, 0, 0]));

        var stripped = ImageMetadata.Strip(tagged);

        Assert.Equal(["IHDR", "gAMA", .. ImageStructure.PngChunks(original).Skip(1)], ImageStructure.PngChunks(stripped));
        Assert.DoesNotContain("Secret", Encoding.Latin1.GetString(stripped), StringComparison.Ordinal);
        Assert.Equal(Pixels(original), Pixels(stripped));
    }

    [Fact]
    public void Jpeg_LosesGpsXmpPhotoshopCommentsAndTrailer_KeepsOrientation()
    {
        var original = TestImages.Jpeg(64, 32);
        var tagged = WithEverything(original, orientation: 6);

        var stripped = ImageMetadata.Strip(tagged);

        var segments = ImageStructure.JpegSegments(stripped);
        Assert.DoesNotContain(segments, s => s.Marker is 0xED or 0xFE);
        var exif = Assert.Single(segments, s => s.Marker == 0xE1).Payload;
        Assert.Equal("Exif\0\0MM\0*", Encoding.ASCII.GetString(exif[..10]));
        Assert.Equal(1, exif[15]);
        Assert.DoesNotContain("PhoneMaker", Encoding.Latin1.GetString(stripped), StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", Encoding.Latin1.GetString(stripped), StringComparison.Ordinal);
        Assert.Equal(SKEncodedOrigin.RightTop, Origin(stripped));
        Assert.Equal(Pixels(original), Pixels(stripped));
        Assert.Null(ImageHeaders.Check(stripped, ImageHeaders.DefaultMaxPixels));
    }

    [Fact]
    public void Jpeg_ThatIsUpright_KeepsNoExifAtAll()
    {
        var stripped = ImageMetadata.Strip(WithEverything(TestImages.Jpeg(16, 16), orientation: 1));

        Assert.DoesNotContain(ImageStructure.JpegSegments(stripped), s => s.Marker is >= 0xE1 and <= 0xEF);
        Assert.Equal(SKEncodedOrigin.TopLeft, Origin(stripped));
    }

    [Fact]
    public void Gif_LosesCommentAndXmp_KeepsLoopingAndFrames()
    {
        var tagged = TestImages.AnimatedGif("Secret comment");

        var stripped = ImageMetadata.Strip(tagged);

        Assert.Equal([(0xFF, "NETSCAPE2.0"), (0xF9, "\0\n\0\0"), (0xF9, "\0\n\0\0")], ImageStructure.GifExtensions(stripped).Select(e => ((int)e.Label, e.First)));
        Assert.DoesNotContain("Secret", Encoding.Latin1.GetString(stripped), StringComparison.Ordinal);
        using var codec = SKCodec.Create(SKData.CreateCopy(stripped));
        Assert.Equal(2, codec.FrameCount);
    }

    [Fact]
    public void WebP_LosesExifAndXmp_AndTheirFlags()
    {
        var original = TestImages.WebP(32, 16);
        var tagged = TestImages.WebPWithMetadata(original, TestImages.ExifWithGps(6)[6..], Encoding.UTF8.GetBytes("<x:xmpmeta>Secret</x:xmpmeta>"));

        var stripped = ImageMetadata.Strip(tagged);

        var chunks = ImageStructure.WebPChunks(stripped);
        Assert.Equal(["VP8X", "VP8 "], chunks.Select(c => c.Type));
        Assert.Equal(0, chunks[0].Body[0] & 0x0C);
        Assert.Equal(stripped.Length - 8, BitConverter.ToInt32(stripped, 4));
        Assert.DoesNotContain("Secret", Encoding.Latin1.GetString(stripped), StringComparison.Ordinal);
        Assert.Equal(Pixels(original), Pixels(stripped));
    }

    /// <summary>EXIF with GPS, XMP, Photoshop's IPTC block and a comment after JFIF, and bytes after EOI.</summary>
    private static byte[] WithEverything(byte[] jpeg, ushort orientation) =>
    [
        .. TestImages.WithJpegSegments(
            jpeg,
            TestImages.JpegSegment(0xE1, TestImages.ExifWithGps(orientation)),
            TestImages.JpegSegment(0xE1, TestImages.Xmp("Secret place")),
            TestImages.JpegSegment(0xED, [.. "Photoshop 3.0\0"u8, .. "8BIM Secret caption"u8]),
            TestImages.JpegSegment(0xFE, "Secret comment"u8.ToArray())),
        .. "Secret trailer"u8,
    ];

    private static SKEncodedOrigin Origin(byte[] image)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(image));
        return codec.EncodedOrigin;
    }

    private static byte[] Pixels(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image);
        Assert.NotNull(bitmap);
        return bitmap.Bytes;
    }
}
