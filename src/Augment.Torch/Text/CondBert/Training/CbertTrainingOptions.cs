namespace Augment.Torch.Text.CondBert.Training;

/// <summary>Masked-LM training settings (conditional fine-tuning, or pre-training from scratch).</summary>
public sealed record CbertTrainingOptions
{
    /// <summary>Passes over the corpus. Default 3.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Sentences per optimiser step. Default 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Peak AdamW learning rate (reached after warm-up, then linear decay to 0). Default 5e-5.</summary>
    public double LearningRate { get; init; } = 5e-5;

    /// <summary>Fraction of all steps spent warming the learning rate up linearly from 0. Default 0.1.</summary>
    public double WarmupFraction { get; init; } = 0.1;

    /// <summary>AdamW decoupled weight decay. Default 0.01.</summary>
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Gradient-norm clip (0 disables). Default 1.0.</summary>
    public double GradientClip { get; init; } = 1.0;

    /// <summary>Longest sequence in word pieces, [CLS] and [SEP] included; longer sentences keep their first whole words.
    /// Default 64.</summary>
    public int MaxSequenceLength { get; init; } = 64;

    /// <summary>Fraction of word pieces chosen for prediction (80% become [MASK], 10% a random token, 10% stay). Default 0.15.</summary>
    public double MaskProbability { get; init; } = 0.15;

    /// <summary>Seed of masking, shuffling and dropout: a run repeats exactly for the same seed and thread count.</summary>
    public ulong Seed { get; init; }

    /// <summary>True (fine-tuning): each sentence's label feeds the label-embedding table. False (pre-training):
    /// every sentence uses row 0.</summary>
    public bool Conditional { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (Epochs < 1)
        {
            throw new ArgumentException($"epochs: must be at least 1, got {Epochs}");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentException($"batch_size: must be at least 1, got {BatchSize}");
        }

        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            throw new ArgumentException($"learning_rate: must be positive, got {LearningRate}");
        }

        if (WarmupFraction is < 0 or > 1)
        {
            throw new ArgumentException($"warmup_fraction: must lie in [0, 1], got {WarmupFraction}");
        }

        if (WeightDecay < 0 || GradientClip < 0)
        {
            throw new ArgumentException("weight_decay, gradient_clip: must not be negative");
        }

        if (MaxSequenceLength < 3)
        {
            throw new ArgumentException($"max_sequence_length: must be at least 3, got {MaxSequenceLength}");
        }

        if (MaskProbability is <= 0 or > 1)
        {
            throw new ArgumentException($"mask_probability: must lie in (0, 1], got {MaskProbability}");
        }
    }
}
