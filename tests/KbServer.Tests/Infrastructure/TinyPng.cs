namespace KbServer.Tests.Infrastructure;

/// <summary>A valid 1x1 PNG, for image tests.</summary>
public static class TinyPng
{
    public static byte[] Bytes { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
