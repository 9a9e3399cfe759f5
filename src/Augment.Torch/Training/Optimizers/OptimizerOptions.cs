namespace Augment.Torch.Training.Optimizers;

/// <summary>Optimiser settings. <see cref="BackboneLearningRateScale"/> &lt; 1 fine-tunes the backbone
/// more gently than the head (transfer learning).</summary>
public sealed record OptimizerOptions
{
    /// <summary>The usual weight-decay grid offered to the tuner.</summary>
    public static readonly IReadOnlyList<double> WeightDecayGrid = [1e-3, 1e-4, 1e-5, 0];

    /// <summary>Which optimiser.</summary>
    public OptimizerKind Kind { get; init; } = OptimizerKind.Adam;

    /// <summary>Base learning rate (the head's; the schedule starts here).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Weight decay (L2 for SGD/Adam, decoupled for AdamW).</summary>
    public double WeightDecay { get; init; }

    /// <summary>SGD momentum.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>SGD Nesterov momentum (needs momentum &gt; 0).</summary>
    public bool Nesterov { get; init; }

    /// <summary>Multiplier of the learning rate for backbone parameters (1 = same as head).</summary>
    public double BackboneLearningRateScale { get; init; } = 1.0;

    /// <summary>Parses "sgd", "adam" or "adamw".</summary>
    public static OptimizerKind ParseKind(string name) => name.ToLowerInvariant() switch
    {
        "sgd" => OptimizerKind.Sgd,
        "adam" => OptimizerKind.Adam,
        "adamw" => OptimizerKind.AdamW,
        _ => throw new ArgumentException($"--optimizer: unknown optimiser '{name}' (expected sgd, adam or adamw)"),
    };

    /// <summary>Throws with the offending field when a setting is out of range.</summary>
    public void Validate()
    {
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            throw new ArgumentException($"optimizer.lr = {LearningRate} must be a positive finite number");
        }
        if (!(WeightDecay >= 0) || double.IsInfinity(WeightDecay))
        {
            throw new ArgumentException($"optimizer.weight_decay = {WeightDecay} must be a finite number >= 0");
        }
        if (!(Momentum >= 0 && Momentum < 1))
        {
            throw new ArgumentException($"optimizer.momentum = {Momentum} must be in [0, 1)");
        }
        if (Nesterov && (Kind != OptimizerKind.Sgd || Momentum == 0))
        {
            throw new ArgumentException("optimizer.nesterov needs sgd with momentum > 0");
        }
        if (!(BackboneLearningRateScale >= 0) || double.IsInfinity(BackboneLearningRateScale))
        {
            throw new ArgumentException($"optimizer.backbone_lr_scale = {BackboneLearningRateScale} must be a finite number >= 0");
        }
    }
}
