using Augment.Core.Randomness;

namespace Augment.Core.Tabular.Generation;

/// <summary>Makes the synthetic rows of one class. Row <c>j</c> is a pure function of (seed, class, j): any row
/// can be generated alone, in any order, on any thread, so generation can be sharded and streamed.</summary>
public abstract class SyntheticRowGenerator
{
    private readonly ulong _classKey;
    private readonly ulong _seed;
    private readonly ulong _stream;

    private protected SyntheticRowGenerator(ulong seed, string className, int classIndex, long count, string method, int columns)
    {
        _seed = seed;
        _classKey = StableHash.Of(className);
        _stream = StableHash.Of("augment.tabular." + method);
        ClassName = className;
        ClassIndex = classIndex;
        Count = count;
        Columns = columns;
    }

    /// <summary>The class the rows belong to.</summary>
    public string ClassName { get; }

    /// <summary>Index of the class in the table's sorted class list.</summary>
    public int ClassIndex { get; }

    /// <summary>How many rows the plan asks for (valid j are 0 .. Count - 1).</summary>
    public long Count { get; }

    /// <summary>Values per row.</summary>
    public int Columns { get; }

    /// <summary>Writes synthetic row <paramref name="j"/> into <paramref name="row"/> (feature values in the
    /// table's units; categorical columns hold category codes).</summary>
    public void Generate(long j, Span<double> row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(j);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(j, Count);
        if (row.Length != Columns)
        {
            throw new ArgumentException($"row needs {Columns} values, got {row.Length}", nameof(row));
        }
        var rng = RngFor(j);
        GenerateCore(j, ref rng, row);
    }

    /// <summary>The generator of row <paramref name="j"/>: keyed by (seed, class, j) and the method.</summary>
    internal Rng RngFor(long j) => new SampleKey(_seed, (long)_classKey, j).For(_stream);

    private protected abstract void GenerateCore(long j, ref Rng rng, Span<double> row);
}
