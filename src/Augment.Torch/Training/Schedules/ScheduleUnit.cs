namespace Augment.Torch.Training.Schedules;

/// <summary>What advances a formula schedule's clock t.</summary>
public enum ScheduleUnit
{
    /// <summary>t counts completed epochs.</summary>
    Epoch,

    /// <summary>t counts completed optimiser steps (batches).</summary>
    Step,
}
