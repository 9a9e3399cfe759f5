namespace Augment.Torch.Training.Schedules;

/// <summary>Which library's counting rule reduce-on-plateau follows.</summary>
public enum PlateauSemantics
{
    /// <summary>torch.optim.lr_scheduler.ReduceLROnPlateau: reduce when the number of bad epochs exceeds
    /// patience (after patience + 1 bad epochs); bad epochs are counted during cooldown and then reset.</summary>
    Torch,

    /// <summary>keras.callbacks.ReduceLROnPlateau: reduce when the number of bad epochs reaches patience;
    /// bad epochs are not counted during cooldown. Use with <see cref="ThresholdMode.Absolute"/> (Keras' min_delta).</summary>
    Keras,
}
