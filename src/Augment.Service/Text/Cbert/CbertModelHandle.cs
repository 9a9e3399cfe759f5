using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Augmentation;
using Augment.Torch.Training;

namespace Augment.Service.Text.Cbert;

/// <summary>One loaded CBERT model and its <see cref="CbertBatcher"/>: concurrent calls share inference passes.</summary>
internal sealed class CbertModelHandle : IDisposable
{
    private readonly ConditionalBert model;
    private readonly CbertBatcher batcher;

    private CbertModelHandle(ConditionalBert model, CbertBatcher batcher)
    {
        this.model = model;
        this.batcher = batcher;
    }

    /// <summary>The model's labels.</summary>
    public IReadOnlyList<string> Labels => model.Labels;

    /// <summary>Loads a folder saved by <c>augment cbert train</c>.</summary>
    public static CbertModelHandle Load(string folder, CbertServiceSettings settings)
    {
        TorchRuntime.SetThreads(settings.Threads);
        var model = ConditionalBert.Load(folder);
        return new CbertModelHandle(model, new CbertBatcher(model, settings.Threads, settings.QueueLimit, settings.MaxBatchRows));
    }

    /// <summary>Variants of every input (sentence by sentence, variant by variant), input i keyed as
    /// <paramref name="keys"/>[i] (see <see cref="ConditionalBert.AugmentKeyed"/>).</summary>
    public Task<IReadOnlyList<CbertAugmentation>> AugmentAsync(IReadOnlyList<LabeledText> inputs, IReadOnlyList<long> keys, CbertAugmentOptions options,
        CancellationToken cancellationToken) =>
        batcher.RunAsync(new CbertJob(inputs, keys, options), cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        batcher.Dispose();
        model.Dispose();
    }
}
