namespace Augment.Core.Text.Eda;

/// <summary>Parameters of Easy Data Augmentation (Wei and Zou 2019), with the reference defaults.</summary>
public sealed record EdaOptions
{
    /// <summary>Largest accepted <see cref="NumAug"/>.</summary>
    public const double MaxNumAug = 1000;

    /// <summary>Fraction of words replaced by synonyms: n = max(1, floor(alpha_sr * words)). 0 disables the operation.</summary>
    public double AlphaSr { get; init; } = 0.1;

    /// <summary>Fraction of words inserted: n = max(1, floor(alpha_ri * words)). 0 disables the operation.</summary>
    public double AlphaRi { get; init; } = 0.1;

    /// <summary>Fraction of words swapped: n = max(1, floor(alpha_rs * words)). 0 disables the operation.</summary>
    public double AlphaRs { get; init; } = 0.1;

    /// <summary>Probability that random deletion deletes each word. 0 disables the operation.</summary>
    public double AlphaRd { get; init; } = 0.1;

    /// <summary>Augmented sentences per input, as the reference: each enabled operation yields
    /// floor(num_aug / 4) + 1 candidates, the candidates are shuffled and the first num_aug kept. A value in
    /// (0, 1) keeps each candidate with probability num_aug / candidates. Whole numbers only from 1 up.</summary>
    public double NumAug { get; init; } = 9;

    /// <summary>Append the original sentence after its augmentations (the reference does).</summary>
    public bool KeepOriginal { get; init; } = true;

    /// <summary>Tokenisation: <see cref="EdaTokenization.Preserve"/> (default) or the reference's.</summary>
    public EdaTokenization Tokenization { get; init; } = EdaTokenization.Preserve;

    /// <summary>Random insertion picks only non-stop words to take synonyms from (the paper's wording).
    /// Off by default: the reference code picks any word.</summary>
    public bool InsertionSkipsStopWords { get; init; }

    /// <summary>Sets all four alphas to <paramref name="alpha"/>.</summary>
    public static EdaOptions WithAlpha(double alpha) => new() { AlphaSr = alpha, AlphaRi = alpha, AlphaRs = alpha, AlphaRd = alpha };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        CheckAlpha(AlphaSr, "alpha_sr");
        CheckAlpha(AlphaRi, "alpha_ri");
        CheckAlpha(AlphaRs, "alpha_rs");
        CheckAlpha(AlphaRd, "alpha_rd");
        if (!double.IsFinite(NumAug) || NumAug < 0 || NumAug > MaxNumAug)
        {
            throw new ArgumentException($"num_aug: must be between 0 and {MaxNumAug}, got {NumAug}");
        }
        if (NumAug >= 1 && NumAug != Math.Floor(NumAug))
        {
            throw new ArgumentException($"num_aug: must be a whole number when >= 1 (or a fraction below 1), got {NumAug}");
        }
        if (NumAug > 0 && AlphaSr == 0 && AlphaRi == 0 && AlphaRs == 0 && AlphaRd == 0)
        {
            throw new ArgumentException("alpha_sr, alpha_ri, alpha_rs, alpha_rd: at least one must be > 0 when num_aug > 0");
        }
        if (!Enum.IsDefined(Tokenization))
        {
            throw new ArgumentException($"tokenization: unknown value {(int)Tokenization}");
        }
    }

    private static void CheckAlpha(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0 || value > 1)
        {
            throw new ArgumentException($"{name}: must be between 0 and 1, got {value}");
        }
    }
}
