namespace Augment.Core.Tabular;

/// <summary>The resampling methods, named as in imbalanced-learn.</summary>
public enum TabularMethod
{
    /// <summary>Random over-sampling with replacement (optionally a smoothed bootstrap).</summary>
    RandomOverSampler,
    /// <summary>SMOTE: interpolation between a minority row and one of its k nearest minority neighbours.</summary>
    Smote,
    /// <summary>Borderline-SMOTE (kind 1 or 2): SMOTE seeded only from rows "in danger".</summary>
    BorderlineSmote,
    /// <summary>ADASYN: SMOTE with per-row counts proportional to the share of other-class neighbours.</summary>
    Adasyn,
    /// <summary>SMOTE-NC: mixed numeric and categorical features.</summary>
    SmoteNc,
    /// <summary>SMOTE-N: categorical features only, value difference metric.</summary>
    SmoteN,
    /// <summary>Random under-sampling without replacement.</summary>
    RandomUnderSampler,
    /// <summary>Removes the targeted rows of Tomek links.</summary>
    TomekLinks,
    /// <summary>Edited nearest neighbours: removes rows that disagree with their neighbourhood.</summary>
    EditedNearestNeighbours,
    /// <summary>SMOTE followed by Tomek-link cleaning of all classes.</summary>
    SmoteTomek,
    /// <summary>SMOTE followed by edited-nearest-neighbours cleaning of all classes.</summary>
    SmoteEnn,
}
