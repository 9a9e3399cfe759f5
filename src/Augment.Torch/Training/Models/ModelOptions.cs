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
