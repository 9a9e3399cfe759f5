namespace Augment.Torch.Tuning;

/// <summary>Kinds of hyper-parameters.</summary>
public enum ParameterKind
{
    /// <summary>A real number in [min, max], optionally on a log scale.</summary>
    Float,

    /// <summary>An integer in [min, max].</summary>
    Int,

    /// <summary>One of a list of values.</summary>
    Choice,
}
