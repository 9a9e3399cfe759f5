using Augment.Core.Randomness;

namespace Augment.Torch.Training.Data;

/// <summary>An in-memory sample source over one contiguous feature buffer, with an optional keyed
/// augmentation applied on read.</summary>
public sealed class ArraySampleSource : ISampleSource
{
    private readonly byte[] _features;
    private readonly int[] _labels;
    private readonly int _sampleBytes;

    /// <summary>A keyed augmentation: reads one sample's bytes and writes the augmented sample.</summary>
    public delegate void Augmentation(ReadOnlySpan<byte> input, SampleKey key, Span<byte> output);

    /// <summary>Creates the source; <paramref name="features"/> holds Count samples back to back.</summary>
    public ArraySampleSource(byte[] features, int[] labels, IReadOnlyList<int> sampleShape, SampleElementType elementType, int classCount, Augmentation? augmentation = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(sampleShape);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        SampleShape = [.. sampleShape];
        ElementType = elementType;
        ClassCount = classCount;
        _sampleBytes = this.SampleBytes();
        if ((long)_sampleBytes * labels.Length != features.Length)
        {
            throw new ArgumentException($"features: {features.Length} bytes, but {labels.Length} samples of {_sampleBytes} bytes need {(long)_sampleBytes * labels.Length}");
        }
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
            {
                throw new ArgumentException($"labels[{i}] = {labels[i]} is outside [0, {classCount})");
            }
        }
        _features = features;
        _labels = labels;
        Transform = augmentation;
    }

    /// <inheritdoc />
    public int Count => _labels.Length;

    /// <inheritdoc />
    public int ClassCount { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> SampleShape { get; }

    /// <inheritdoc />
    public SampleElementType ElementType { get; }

    /// <summary>The augmentation applied on read (null: none).</summary>
    public Augmentation? Transform { get; }

    /// <inheritdoc />
    public int Label(int index) => _labels[index];

    /// <inheritdoc />
    public void Read(int index, SampleKey key, Span<byte> destination)
    {
        var raw = _features.AsSpan(index * _sampleBytes, _sampleBytes);
        if (Transform is null)
        {
            raw.CopyTo(destination);
        }
        else
        {
            Transform(raw, key, destination);
        }
    }

    /// <summary>The same data with another augmentation.</summary>
    public ArraySampleSource WithAugmentation(Augmentation? augmentation) =>
        new(_features, _labels, SampleShape, ElementType, ClassCount, augmentation);

    /// <summary>A copy holding only the samples at <paramref name="indices"/>, in that order.</summary>
    public ArraySampleSource Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var features = new byte[(long)indices.Count * _sampleBytes];
        var labels = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            _features.AsSpan(indices[i] * _sampleBytes, _sampleBytes).CopyTo(features.AsSpan(i * _sampleBytes));
            labels[i] = _labels[indices[i]];
        }
        return new ArraySampleSource(features, labels, SampleShape, ElementType, ClassCount, Transform);
    }
}
