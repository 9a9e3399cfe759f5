using Augment.Core.Tabular.Sampling;

namespace Augment.Core.Tabular;

/// <summary>What to resample and how. Defaults follow imbalanced-learn 0.10 (k_neighbors = 5, m_neighbors = 10,
/// borderline-1, ENN n_neighbors = 3 with kind_sel = 'all', sampling_strategy = 'auto') and no standardisation.</summary>
public sealed record ResampleOptions
{
    /// <summary>The sampler.</summary>
    public TabularMethod Method { get; init; } = TabularMethod.Smote;

    /// <summary>imbalanced-learn's sampling_strategy.</summary>
    public SamplingStrategy Strategy { get; init; } = SamplingStrategy.Auto;

    /// <summary>k_neighbors of the SMOTE family (and n_neighbors of ADASYN).</summary>
    public int K { get; init; } = 5;

    /// <summary>m_neighbors of Borderline-SMOTE: the neighbourhood that decides "danger".</summary>
    public int MNeighbors { get; init; } = 10;

    /// <summary>Borderline-SMOTE variant.</summary>
    public BorderlineKind BorderlineKind { get; init; } = BorderlineKind.Borderline1;

    /// <summary>RandomOverSampler's shrinkage (smoothed bootstrap); null for a plain bootstrap.</summary>
    public double? Shrinkage { get; init; }

    /// <summary>n_neighbors of edited nearest neighbours (also inside SMOTE-ENN).</summary>
    public int EnnNeighbors { get; init; } = 3;

    /// <summary>kind_sel of edited nearest neighbours.</summary>
    public EnnKindSelection EnnKindSelection { get; init; } = EnnKindSelection.All;

    /// <summary>Seed: synthetic row j of class c is a pure function of (seed, c, j).</summary>
    public ulong Seed { get; init; }

    /// <summary>When true, numeric columns are z-scored (whole-table mean and population standard deviation)
    /// before neighbour search only; synthetic values are still produced in the original units.
    /// Default false, like imbalanced-learn.</summary>
    public bool Standardize { get; init; }

    /// <summary>Threads for neighbour search and generation (-1 or 0: all cores). Results never depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Checks the numeric options; the message names the option.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Strategy);
        if (K < 1)
        {
            throw new TabularException($"k_neighbors must be >= 1; got {K}");
        }
        if (MNeighbors < 1)
        {
            throw new TabularException($"m_neighbors must be >= 1; got {MNeighbors}");
        }
        if (EnnNeighbors < 1)
        {
            throw new TabularException($"n_neighbors must be >= 1; got {EnnNeighbors}");
        }
        if (Shrinkage is { } s && !(s >= 0 && double.IsFinite(s)))
        {
            throw new TabularException($"The shrinkage factor needs to be >= 0. Got {s}.");
        }
        if (Shrinkage is not null && Method != TabularMethod.RandomOverSampler)
        {
            throw new TabularException($"shrinkage only applies to random over-sampling, not {Method}");
        }
    }
}
