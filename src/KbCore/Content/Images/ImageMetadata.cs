namespace KbCore.Content.Images;

/// <summary>
/// Removes what a photo or screenshot says about its author (GPS position, camera, software, comments, timestamps,
/// thumbnails) before it is committed for everyone to download. It works on chunks and segments and never
/// re-encodes, so quality, animation and colour profiles stay exactly as uploaded.
/// </summary>
public static class ImageMetadata
{
    /// <summary>
    /// The image without its metadata. Call it on content <see cref="ImageHeaders.Check"/> accepted; anything else
    /// throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static byte[] Strip(ReadOnlySpan<byte> content) => ImageTypes.Detect(content) switch
    {
        "png" => Png.Strip(content),
        "jpg" => Jpeg.Strip(content),
        "gif" => Gif.Strip(content),
        "webp" => WebP.Strip(content),
        _ => throw new InvalidDataException("the file is not a PNG, JPEG, GIF or WebP image"),
    };
}
