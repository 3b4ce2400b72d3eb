using System.Globalization;

namespace KbCore.Content.Images;

/// <summary>
/// The pixel cap, checked from the header alone: a 5 MB file can declare 20,000 × 20,000 pixels (1.6 GB once decoded in
/// every visitor's browser, a decompression bomb), so the declared sizes are read before anything decodes it. A header
/// that cannot be read is refused as well.
/// </summary>
public static class ImageHeaders
{
    /// <summary>The default cap: 40 megapixels, above any phone camera and screenshot, far below a bomb.</summary>
    public const long DefaultMaxPixels = 40_000_000;

    /// <summary>
    /// Null when <paramref name="content"/> is a PNG, JPEG, GIF or WebP image with a sound header whose canvas and
    /// every frame stay within <paramref name="maxPixels"/>; otherwise why not, in words for the author.
    /// </summary>
    public static string? Check(ReadOnlySpan<byte> content, long maxPixels)
    {
        List<ImageSize> sizes;
        try
        {
            sizes = Sizes(content);
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }

        for (var i = 0; i < sizes.Count; i++)
        {
            if (sizes[i].Pixels > maxPixels)
            {
                var what = i == 0 ? "the image" : "a frame of the image";
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{what} is {sizes[i].Width} × {sizes[i].Height} pixels ({sizes[i].Pixels / 1e6:0.#} megapixels); images can have at most {maxPixels / 1e6:0.#} megapixels");
            }
        }

        return null;
    }

    /// <summary>The canvas, then frames; throws <see cref="InvalidDataException"/> for anything unreadable.</summary>
    internal static List<ImageSize> Sizes(ReadOnlySpan<byte> content) => ImageTypes.Detect(content) switch
    {
        "png" => Png.Sizes(content),
        "jpg" => Jpeg.Sizes(content),
        "gif" => Gif.Sizes(content),
        "webp" => WebP.Sizes(content),
        _ => throw new InvalidDataException("the file is not a PNG, JPEG, GIF or WebP image"),
    };
}
