namespace Augment.Core.Tabular.Sampling;

/// <summary>imbalanced-learn's sampling_type: how a strategy is read.</summary>
internal enum SamplingType
{
    OverSampling,
    UnderSampling,
    CleanSampling,
}
