namespace Augment.Torch.Text.CondBert.Augmentation;

/// <summary>How conditional BERT rewrites sentences.</summary>
public sealed record CbertAugmentOptions
{
    /// <summary>Variants generated per input sentence. Default 4.</summary>
    public int NumAug { get; init; } = 4;

    /// <summary>Fraction of word pieces masked in each variant (at least one). Default 1/7, as the CBERT reference.</summary>
    public double MaskFraction { get; init; } = 1.0 / 7.0;

    /// <summary>Softmax temperature of the sampling distribution (lower is more conservative). Default 1.</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>Sample among the k most likely pieces only (0: the whole vocabulary). Default 0.</summary>
    public int TopK { get; init; }

    /// <summary>Mask whole words (all their pieces) rather than single pieces. Default true.</summary>
    public bool WholeWord { get; init; } = true;

    /// <summary>Rows (sentence variants) per forward pass. Default 64.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Longest input in word pieces, [CLS]/[SEP] included; words past it are kept but never masked. Default 128.</summary>
    public int MaxSequenceLength { get; init; } = 128;

    /// <summary>Seed: variant v of sentence i depends only on (seed, i, v) and the model.</summary>
    public ulong Seed { get; init; }

    /// <summary>Sample index of the first input: input i is keyed as sentence <c>FirstIndex + i</c> (lets a caller
    /// split a dataset over many calls and get the same variants as one call). Default 0.</summary>
    public long FirstIndex { get; init; }

    /// <summary>Give a replacement the capitalisation of the word it replaces (lower-casing models). Default true.</summary>
    public bool KeepCase { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (NumAug < 1)
        {
            throw new ArgumentException($"num_aug: must be at least 1, got {NumAug}");
        }

        if (MaskFraction is <= 0 or > 1 || double.IsNaN(MaskFraction))
        {
            throw new ArgumentException($"mask_fraction: must lie in (0, 1], got {MaskFraction}");
        }

        if (!(Temperature > 0) || double.IsInfinity(Temperature))
        {
            throw new ArgumentException($"temperature: must be positive, got {Temperature}");
        }

        if (TopK < 0)
        {
            throw new ArgumentException($"top_k: must not be negative, got {TopK}");
        }

        if (FirstIndex < 0)
        {
            throw new ArgumentException($"first_index: must not be negative, got {FirstIndex}");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentException($"batch_size: must be at least 1, got {BatchSize}");
        }

        if (MaxSequenceLength < 3)
        {
            throw new ArgumentException($"max_sequence_length: must be at least 3, got {MaxSequenceLength}");
        }
    }
}
