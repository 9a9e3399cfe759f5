namespace Augment.Core.Data;

/// <summary>How an epoch rebalances classes.</summary>
internal enum BalanceStrategy
{
    /// <summary>Every sample once.</summary>
    None,

    /// <summary>Every non-empty class drawn as many times as the largest class has samples.</summary>
    Oversample,

    /// <summary>Class c drawn round(weight_c x count_c) times (missing weights are 1).</summary>
    ClassWeights,
}
