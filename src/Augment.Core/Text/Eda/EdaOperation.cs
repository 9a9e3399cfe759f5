namespace Augment.Core.Text.Eda;

/// <summary>The operation that produced an output sentence.</summary>
public enum EdaOperation
{
    /// <summary>The original sentence (kept when <see cref="EdaOptions.KeepOriginal"/> is set).</summary>
    Original = 0,

    /// <summary>n non-stop words replaced by random synonyms (all occurrences of each).</summary>
    SynonymReplacement = 1,

    /// <summary>A random synonym of a random word inserted at a random position, n times.</summary>
    RandomInsertion = 2,

    /// <summary>Two random words swapped, n times.</summary>
    RandomSwap = 3,

    /// <summary>Each word deleted with probability alpha_rd, never all of them.</summary>
    RandomDeletion = 4,
}
