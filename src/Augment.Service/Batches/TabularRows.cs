using Augment.Core.Tabular;
using Augment.Core.Tabular.Generation;

namespace Augment.Service.Batches;

/// <summary>The plannable rows of a tabular stream: positions 0 .. K-1 are the kept original rows, then each
/// generator's synthetic rows in class order. Row values are copied or generated on demand; nothing is materialized.</summary>
internal sealed class TabularRows
{
    private readonly int[] _kept;
    private readonly IReadOnlyList<SyntheticRowGenerator> _generators;
    private readonly long[] _offsets;

    /// <summary>Lays out the rows.</summary>
    public TabularRows(TabularData table, int[] kept, IReadOnlyList<SyntheticRowGenerator> generators)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(kept);
        ArgumentNullException.ThrowIfNull(generators);
        Table = table;
        _kept = kept;
        _generators = generators;
        _offsets = new long[generators.Count];
        long offset = kept.Length;
        for (var g = 0; g < generators.Count; g++)
        {
            _offsets[g] = offset;
            offset += generators[g].Count;
        }
        var labels = new int[offset];
        for (var p = 0; p < kept.Length; p++)
        {
            labels[p] = table.Labels[kept[p]];
        }
        for (var g = 0; g < generators.Count; g++)
        {
            Array.Fill(labels, generators[g].ClassIndex, (int)_offsets[g], (int)generators[g].Count);
        }
        Labels = labels;
    }

    /// <summary>The table.</summary>
    public TabularData Table { get; }

    /// <summary>Label of every plannable row.</summary>
    public IReadOnlyList<int> Labels { get; }

    /// <summary>Writes row <paramref name="position"/> into <paramref name="row"/> and returns its dataset index: the original
    /// row index, or -(1 + j) for synthetic row j of its class.</summary>
    public long Write(int position, Span<double> row)
    {
        if (position < _kept.Length)
        {
            var r = _kept[position];
            Table.Features.AsSpan(r * Table.FeatureCount, Table.FeatureCount).CopyTo(row);
            return r;
        }
        var g = _generators.Count - 1;
        while (_offsets[g] > position)
        {
            g--;
        }
        var j = position - _offsets[g];
        _generators[g].Generate(j, row);
        return -(1 + j);
    }
}
