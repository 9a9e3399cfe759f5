using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Augmentation;
using Augment.Torch.Training;

namespace Augment.Service.Text.Cbert;

/// <summary>One loaded CBERT model. Inference runs one call at a time per model (the module is not thread-safe);
/// each call batches all of its own sentences' variants into forward passes. Waiting callers honour cancellation.</summary>
internal sealed class CbertModelHandle : IDisposable
{
    private readonly ConditionalBert model;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly int threads;

    private CbertModelHandle(ConditionalBert model, int threads)
    {
        this.model = model;
        this.threads = threads;
    }

    /// <summary>The model's labels.</summary>
    public IReadOnlyList<string> Labels => model.Labels;

    /// <summary>Loads a folder saved by <c>augment cbert train</c>.</summary>
    public static CbertModelHandle Load(string folder, int threads)
    {
        TorchRuntime.SetThreads(threads);
        return new CbertModelHandle(ConditionalBert.Load(folder), threads);
    }

    /// <summary>Variants of every input (sentence by sentence, variant by variant), keyed as
    /// <see cref="ConditionalBert.Augment"/> keys them.</summary>
    public async Task<IReadOnlyList<CbertAugmentation>> AugmentAsync(IReadOnlyList<LabeledText> inputs, CbertAugmentOptions options, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Run(inputs, options, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Synchronous, with one key per input (see <see cref="ConditionalBert.AugmentKeyed"/>): for the batch
    /// builders, which run on worker threads.</summary>
    public IReadOnlyList<CbertAugmentation> AugmentKeyed(IReadOnlyList<LabeledText> inputs, IReadOnlyList<long> keys, CbertAugmentOptions options, CancellationToken cancellationToken)
    {
        gate.Wait(cancellationToken);
        try
        {
            TorchRuntime.SetThreads(threads);
            return model.AugmentKeyed(inputs, keys, options, null, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private IReadOnlyList<CbertAugmentation> Run(IReadOnlyList<LabeledText> inputs, CbertAugmentOptions options, CancellationToken cancellationToken)
    {
        // libtorch's thread count is process-wide: set it for every call (another component may have changed it).
        TorchRuntime.SetThreads(threads);
        return model.Augment(inputs, options, null, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        model.Dispose();
        gate.Dispose();
    }
}
