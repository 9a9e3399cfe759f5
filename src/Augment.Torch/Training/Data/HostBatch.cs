namespace Augment.Torch.Training.Data;

/// <summary>One batch on the host: <see cref="Count"/> samples back to back in <see cref="Features"/>
/// and their labels.</summary>
/// <param name="Features">Raw little-endian features.</param>
/// <param name="Labels">Labels (int64, as torch's cross-entropy wants).</param>
/// <param name="Count">Number of samples.</param>
public sealed record HostBatch(byte[] Features, long[] Labels, int Count);
