using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace KbCore.Search.Semantic;

/// <summary>
/// Vectors stored as signed bytes with one scale each, for scanning large help centers: a quarter of the memory read
/// per question, where the float scan is bound by memory, not arithmetic. Each value is rounded to 1/127 of its
/// vector's largest component, which moves a cosine by about 0.005; the scan only shortlists, and the shortlist is
/// scored again exactly from the floats. Immutable once built.
/// </summary>
internal sealed class QuantizedVectors
{
    private const int Dimensions = SentenceEmbedder.Dimensions;

    private readonly sbyte[] _values;
    private readonly float[] _scales;

    public QuantizedVectors(float[] values, int count)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new sbyte[count * Dimensions];
        _scales = new float[count];
        for (var v = 0; v < count; v++)
        {
            _scales[v] = Quantize(values.AsSpan(v * Dimensions, Dimensions), _values.AsSpan(v * Dimensions, Dimensions));
        }
    }

    public long Bytes => _values.Length + ((long)_scales.Length * sizeof(float));

    /// <summary>Writes <paramref name="vector"/> as bytes into <paramref name="into"/>; returns the scale that undoes it.</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> into)
    {
        var largest = Math.Abs(TensorPrimitives.MaxMagnitude(vector)); // the component itself, sign included
        var scale = largest > 0 ? largest / 127f : 1f;
        for (var d = 0; d < vector.Length; d++)
        {
            into[d] = (sbyte)Math.Round(vector[d] / scale);
        }

        return scale;
    }

    /// <summary>The approximate dot product of a quantized query (with its scale) and vector <paramref name="v"/>.</summary>
    public float Dot(ReadOnlySpan<sbyte> query, float queryScale, int v) =>
        DotBytes(query, _values.AsSpan(v * Dimensions, Dimensions)) * queryScale * _scales[v];

    private static int DotBytes(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var i = 0;
        var sum = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Bytes widen to shorts (127 × 127 fits a short), products widen to ints and add up.
            var total = Vector256<int>.Zero;
            ref var left = ref MemoryMarshal.GetReference(a);
            ref var right = ref MemoryMarshal.GetReference(b);
            for (; i <= a.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                var (aLow, aHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref left, (nuint)i));
                var (bLow, bHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref right, (nuint)i));
                var (p1, p2) = Vector256.Widen(aLow * bLow);
                var (p3, p4) = Vector256.Widen(aHigh * bHigh);
                total += (p1 + p2) + (p3 + p4);
            }

            sum = Vector256.Sum(total);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
