namespace Augment.Core.Tabular.Sampling;

/// <summary>The forms of imbalanced-learn's <c>sampling_strategy</c>.</summary>
public enum SamplingStrategyKind
{
    /// <summary>'auto': 'not majority' for over-samplers, 'not minority' for under-samplers and cleaners.</summary>
    Auto,
    /// <summary>'minority': only the minority class (over-samplers only).</summary>
    Minority,
    /// <summary>'majority': only the majority class (under-samplers and cleaners only).</summary>
    Majority,
    /// <summary>'not minority': every class but the minority.</summary>
    NotMinority,
    /// <summary>'not majority': every class but the majority.</summary>
    NotMajority,
    /// <summary>'all': every class.</summary>
    All,
    /// <summary>A float ratio (binary targets only): minority/majority after over-sampling, or
    /// minority/majority after under-sampling.</summary>
    Ratio,
    /// <summary>A dict class → wanted number of rows after resampling (over- and under-samplers).</summary>
    Targets,
    /// <summary>A list of classes to clean (cleaning methods only).</summary>
    Classes,
}
