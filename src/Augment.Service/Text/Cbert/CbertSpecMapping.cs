using Augment.Contracts.V1;
using Augment.Torch.Text.CondBert.Augmentation;

namespace Augment.Service.Text.Cbert;

/// <summary>Maps a <see cref="CbertSpec"/> to <see cref="CbertAugmentOptions"/> (the CLI's defaults for missing
/// fields) and validates it; errors name the field under <c>prefix</c> (for example "cbert.num_aug").</summary>
internal static class CbertSpecMapping
{
    /// <summary>The options, with <paramref name="seed"/> and <paramref name="firstIndex"/>.</summary>
    public static CbertAugmentOptions ToOptions(CbertSpec spec, ulong seed, long firstIndex, string prefix = "cbert")
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec.Model))
        {
            throw new ArgumentException($"{prefix}.model: not set (a name configured under Augment:Cbert:Models)");
        }

        var defaults = new CbertAugmentOptions();
        var options = defaults with
        {
            NumAug = spec.HasNumAug ? spec.NumAug : defaults.NumAug,
            MaskFraction = spec.HasMaskFraction ? spec.MaskFraction : defaults.MaskFraction,
            Temperature = spec.HasTemperature ? spec.Temperature : defaults.Temperature,
            TopK = spec.HasTopK ? spec.TopK : defaults.TopK,
            Seed = seed,
            FirstIndex = firstIndex,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(e.Message.StartsWith("first_index", StringComparison.Ordinal) ? e.Message : $"{prefix}.{e.Message}", e);
        }

        return options;
    }

    /// <summary>Whether originals follow their variants (default true, as the CLI).</summary>
    public static bool KeepOriginal(CbertSpec spec) => !spec.HasKeepOriginal || spec.KeepOriginal;
}
