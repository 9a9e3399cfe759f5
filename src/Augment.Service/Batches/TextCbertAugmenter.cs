using Augment.Core.Randomness;
using Augment.Service.Text.Cbert;
using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Augmentation;

namespace Augment.Service.Batches;

/// <summary>CBERT for text streams: one batch's records in one call to the model, record i keyed by its key index and
/// the epoch's seed (the request seed in epoch 0, <c>SplitMix64.Combine(seed, epoch)</c> after).</summary>
internal sealed class TextCbertAugmenter(CbertModelHandle model, CbertAugmentOptions options, bool keepOriginal)
{
    /// <summary>Variants per record.</summary>
    public int NumAug => options.NumAug;

    /// <summary>Whether each original follows its variants.</summary>
    public bool KeepOriginal => keepOriginal;

    /// <summary>Variants of <paramref name="inputs"/>, record by record, variant by variant.</summary>
    public IReadOnlyList<CbertAugmentation> Augment(IReadOnlyList<LabeledText> inputs, IReadOnlyList<long> keys, long epoch, CancellationToken cancellationToken)
    {
        var seed = epoch == 0 ? options.Seed : SplitMix64.Combine(options.Seed, (ulong)epoch);
        // Batch builders run on the worker pool; the model's batcher runs on its own thread, so blocking here is safe.
        return model.AugmentAsync(inputs, keys, options with { Seed = seed }, cancellationToken).GetAwaiter().GetResult();
    }
}
