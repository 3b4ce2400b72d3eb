namespace KbCore.Content.Images;

/// <summary>A width and height as an image header declares them (nothing was decoded).</summary>
internal readonly record struct ImageSize(long Width, long Height)
{
    public long Pixels => Width * Height;
}
