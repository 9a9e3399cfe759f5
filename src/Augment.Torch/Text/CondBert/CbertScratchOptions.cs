namespace Augment.Torch.Text.CondBert;

/// <summary>Shape and vocabulary of a small BERT trained from scratch on the user's corpus (when no pretrained
/// checkpoint is at hand).</summary>
public sealed record CbertScratchOptions
{
    /// <summary>Hidden width. Default 128.</summary>
    public int HiddenSize { get; init; } = 128;

    /// <summary>Transformer layers. Default 2.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Attention heads (divides <see cref="HiddenSize"/>). Default 2.</summary>
    public int Heads { get; init; } = 2;

    /// <summary>Feed-forward width. Default 4 × <see cref="HiddenSize"/>.</summary>
    public int? IntermediateSize { get; init; }

    /// <summary>Longest sequence in word pieces. Default 128.</summary>
    public int MaxPositions { get; init; } = 128;

    /// <summary>Most whole words in the vocabulary built from the corpus. Default 20000.</summary>
    public int MaxWords { get; init; } = 20000;

    /// <summary>Words seen fewer times are spelled with character pieces. Default 1.</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>Lower-case (and strip accents) before tokenising. Default true.</summary>
    public bool LowerCase { get; init; } = true;

    /// <summary>Dropout on hidden states and attention. Default 0.1.</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>Seed of the initial weights.</summary>
    public ulong Seed { get; init; }
}
