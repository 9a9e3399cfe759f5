using static TorchSharp.torch;

namespace Augment.Torch.Training;

/// <summary>Process-wide libtorch settings (libtorch's own globals: call once at start-up).</summary>
public static class TorchRuntime
{
    /// <summary>Sets libtorch's intra-op thread count (1 for deterministic runs and whenever augmentation
    /// shares the CPU with training).</summary>
    public static void SetThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        set_num_threads(threads);
    }
}
