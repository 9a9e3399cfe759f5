namespace Augment.Core.Tabular;

/// <summary>The two Borderline-SMOTE variants of Han et al. (2005).</summary>
public enum BorderlineKind
{
    /// <summary>borderline-1: interpolate towards same-class neighbours only.</summary>
    Borderline1,
    /// <summary>borderline-2: also interpolate (step at most 0.5) towards other-class neighbours.</summary>
    Borderline2,
}
