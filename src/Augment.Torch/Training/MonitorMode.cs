namespace Augment.Torch.Training;

/// <summary>Whether a monitored quantity should go down (loss) or up (accuracy).</summary>
public enum MonitorMode
{
    /// <summary>Lower is better.</summary>
    Min,

    /// <summary>Higher is better.</summary>
    Max,
}
