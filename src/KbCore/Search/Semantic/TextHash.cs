namespace KbCore.Search.Semantic;

/// <summary>SHA-256 of an embedded text (with the model and recipe): the key of its vector in the cache.</summary>
internal readonly record struct TextHash(byte[] Bytes)
{
    public const int Length = 32;

    public bool Equals(TextHash other) => Bytes.AsSpan().SequenceEqual(other.Bytes);

    public override int GetHashCode() => BitConverter.ToInt32(Bytes, 0);
}
