namespace Augment.Torch.Training.Schedules;

/// <summary>How reduce-on-plateau compares a value against the best one (torch's threshold_mode).</summary>
public enum ThresholdMode
{
    /// <summary>Relative: min mode needs value &lt; best·(1 − threshold); max mode value &gt; best·(1 + threshold).</summary>
    Relative,

    /// <summary>Absolute: min mode needs value &lt; best − threshold; max mode value &gt; best + threshold.</summary>
    Absolute,
}
