using System.Security.Cryptography;
using System.Text;

namespace KbCore.Search.Semantic;

/// <summary>
/// Vectors by the hash of the text they embed, persisted in one file under the data directory: derived data, like
/// the search index, so a missing, truncated, corrupt or foreign file (another model, another format) is started
/// afresh, never trusted. The file is written beside itself and renamed over, so a crash leaves the old one whole.
/// Not thread-safe: <see cref="SemanticIndex"/> serializes its use.
/// </summary>
internal sealed class VectorCache
{
    private const string FileName = "vectors.bin";
    private static readonly byte[] Magic = "KBVEC\u0001"u8.ToArray();
    private const int FormatVersion = 1;

    private readonly string _path;
    private readonly string _modelId;
    private readonly Dictionary<TextHash, float[]> _vectors = [];
    private bool _dirty;

    private VectorCache(string directory, string modelId)
    {
        _path = Path.Combine(directory, FileName);
        _modelId = modelId;
    }

    public int Count => _vectors.Count;

    public IEnumerable<float[]> Vectors => _vectors.Values;

    public static VectorCache Open(string directory, string modelId, out string? discarded)
    {
        var cache = new VectorCache(directory, modelId);
        discarded = null;
        if (!File.Exists(cache._path))
        {
            return cache;
        }

        try
        {
            discarded = cache.Read(File.ReadAllBytes(cache._path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            discarded = e.Message;
        }

        if (discarded is not null)
        {
            cache._vectors.Clear();
            cache._dirty = true;
        }

        return cache;
    }

    public bool TryGet(TextHash hash, out float[] vector) => _vectors.TryGetValue(hash, out vector!);

    public void Add(TextHash hash, float[] vector)
    {
        _vectors[hash] = vector;
        _dirty = true;
    }

    /// <summary>Forgets vectors no article uses any more, so the file tracks the content instead of growing with its history.</summary>
    public void KeepOnly(IReadOnlySet<TextHash> used)
    {
        foreach (var hash in _vectors.Keys.Where(h => !used.Contains(h)).ToArray())
        {
            _vectors.Remove(hash);
            _dirty = true;
        }
    }

    public void Save()
    {
        if (!_dirty && File.Exists(_path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(_modelId);
            writer.Write(SentenceEmbedder.Dimensions);
            writer.Write(_vectors.Count);
            foreach (var (hash, vector) in _vectors)
            {
                writer.Write(hash.Bytes);
                foreach (var value in vector)
                {
                    writer.Write(value);
                }
            }
        }

        var body = buffer.ToArray();
        var temp = _path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            file.Write(body);
            file.Write(SHA256.HashData(body));
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, _path, overwrite: true);
        _dirty = false;
    }

    /// <summary>Loads <paramref name="bytes"/>; returns why they were refused, or null.</summary>
    private string? Read(byte[] bytes)
    {
        if (bytes.Length < Magic.Length + TextHash.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return "not a vector cache";
        }

        var body = bytes.AsSpan(0, bytes.Length - TextHash.Length);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(body.Length)))
        {
            return "checksum mismatch (truncated or corrupt)";
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, 0, body.Length), Encoding.UTF8);
        reader.ReadBytes(Magic.Length);
        if (reader.ReadInt32() != FormatVersion)
        {
            return "another format version";
        }

        if (reader.ReadString() is var model && model != _modelId)
        {
            return $"vectors of another model ({model})";
        }

        if (reader.ReadInt32() != SentenceEmbedder.Dimensions)
        {
            return "another vector size";
        }

        var count = reader.ReadInt32();
        if (count < 0 || (long)count * (TextHash.Length + (SentenceEmbedder.Dimensions * sizeof(float))) != body.Length - reader.BaseStream.Position)
        {
            return "length does not match its count";
        }

        for (var i = 0; i < count; i++)
        {
            var hash = new TextHash(reader.ReadBytes(TextHash.Length));
            var vector = new float[SentenceEmbedder.Dimensions];
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] = reader.ReadSingle();
            }

            _vectors[hash] = vector;
        }

        return null;
    }
}
