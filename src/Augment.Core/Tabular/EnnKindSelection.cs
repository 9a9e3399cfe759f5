namespace Augment.Core.Tabular;

/// <summary>How edited nearest neighbours decides to keep a row (imbalanced-learn's kind_sel).</summary>
public enum EnnKindSelection
{
    /// <summary>Keep a row only if all its neighbours share its class.</summary>
    All,
    /// <summary>Keep a row if the most frequent neighbour class is its class.</summary>
    Mode,
}
