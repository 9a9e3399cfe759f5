using Augment.Core.Randomness;

namespace Augment.Torch.Training.Data;

/// <summary>An indexed, labelled sample source for the trainer. Reading sample <c>i</c> with key
/// (seed, epoch, i) must always give the same bytes (keyed augmentation), and <see cref="Read"/> must be
/// safe to call from several threads at once. Adapter point for Augment.Core datasets and pipelines.</summary>
public interface ISampleSource
{
    /// <summary>Number of samples.</summary>
    int Count { get; }

    /// <summary>Number of classes (labels are in [0, ClassCount)).</summary>
    int ClassCount { get; }

    /// <summary>Shape of one sample: [C, H, W] for images, [features] for tabular, [length] for tokens.</summary>
    IReadOnlyList<int> SampleShape { get; }

    /// <summary>Element type of the features.</summary>
    SampleElementType ElementType { get; }

    /// <summary>The label of sample <paramref name="index"/>.</summary>
    int Label(int index);

    /// <summary>Writes sample <paramref name="index"/> (possibly augmented, keyed by <paramref name="key"/>)
    /// into <paramref name="destination"/>, which is exactly one sample long in bytes (little-endian).</summary>
    void Read(int index, SampleKey key, Span<byte> destination);
}
