namespace Augment.Torch.Training.Models;

/// <summary>Architecture and initialisation switches of the built-in models.</summary>
public sealed record ModelOptions
{
    /// <summary>Weight initialisation of linear and convolution layers (default: torch's).</summary>
    public InitScheme Init { get; init; } = InitScheme.Torch;

    /// <summary>Padding of the small CNN's convolutions; null means <see cref="ConvPadding.Valid"/>, except in a
    /// <see cref="Runs.RunSpec"/> with <c>InitFrom</c>, where it means the saved model's padding. Only the <c>cnn</c>
    /// model has this switch.</summary>
    public ConvPadding? Padding { get; init; }

    /// <summary>Dropout probability on the features entering the head, while training (0: none). The masks come from
    /// the network's own generator, seeded per step by the trainer (<see cref="ClassifierNet.SeedDropout"/>), so a
    /// run repeats exactly and resumes mid-way without saving generator state.</summary>
    public double Dropout { get; init; }

    /// <summary>These options with a null <see cref="Padding"/> replaced by <see cref="ConvPadding.Valid"/>.</summary>
    public ModelOptions Resolved() => this with { Padding = Padding ?? ConvPadding.Valid };

    /// <summary>Parses "torch" or "glorot" (alias "keras", "xavier").</summary>
    public static InitScheme ParseInit(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "torch" => InitScheme.Torch,
            "glorot" or "keras" or "xavier" => InitScheme.Glorot,
            _ => throw new ArgumentException($"--init: unknown scheme '{name}' (expected torch or glorot)"),
        };
    }

    /// <summary>Checks a dropout probability: 0 &lt;= p &lt; 1.</summary>
    public static double CheckDropout(double p) =>
        p is >= 0 and < 1 ? p : throw new ArgumentException($"--dropout: {p.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not a probability in [0, 1)");

    /// <summary>Parses "valid" or "same".</summary>
    public static ConvPadding ParsePadding(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "valid" => ConvPadding.Valid,
            "same" => ConvPadding.Same,
            _ => throw new ArgumentException($"--padding: unknown padding '{name}' (expected valid or same)"),
        };
    }
}
