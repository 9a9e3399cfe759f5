namespace Augment.Torch.Training.Data;

/// <summary>Helpers over <see cref="ISampleSource"/>.</summary>
public static class SampleSourceExtensions
{
    /// <summary>Number of elements in one sample.</summary>
    public static int ElementCount(this ISampleSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.SampleShape.Aggregate(1, (a, b) => a * b);
    }

    /// <summary>Bytes of one element.</summary>
    public static int ElementSize(this SampleElementType type) => type switch
    {
        SampleElementType.UInt8 => 1,
        SampleElementType.Float32 => 4,
        _ => 8,
    };

    /// <summary>Bytes of one sample.</summary>
    public static int SampleBytes(this ISampleSource source) => source.ElementCount() * source.ElementType.ElementSize();

    /// <summary>Number of samples of each class.</summary>
    public static long[] ClassCounts(this ISampleSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var counts = new long[source.ClassCount];
        for (var i = 0; i < source.Count; i++)
        {
            counts[source.Label(i)]++;
        }
        return counts;
    }
}
