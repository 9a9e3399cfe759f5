namespace Augment.Core.Data;

/// <summary>One slot of an epoch: dataset sample <paramref name="Index"/>, drawn for the
/// <paramref name="Repeat"/>-th time in this epoch (balancing may draw a sample more than once).</summary>
/// <param name="Index">Dataset index.</param>
/// <param name="Repeat">0 for the first draw, 1 for the second, ...</param>
internal readonly record struct PlannedSample(int Index, int Repeat)
{
    /// <summary>The index used in the sample's <see cref="Randomness.SampleKey"/>: index + repeat x count, so
    /// that every repeat gets its own augmentation and an unbalanced run keys by the dataset index.</summary>
    public long KeyIndex(int datasetCount) => Index + (long)Repeat * datasetCount;
}
