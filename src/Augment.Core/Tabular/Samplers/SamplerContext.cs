using Augment.Core.Tabular.Neighbors;

namespace Augment.Core.Tabular.Samplers;

/// <summary>What every sampler needs: the table, the options, the distance coordinates and the rows of each class.</summary>
internal sealed class SamplerContext
{
    public SamplerContext(TabularData data, ResampleOptions options, FeatureMatrix distance, string methodName, CancellationToken cancellationToken)
    {
        Data = data;
        Options = options;
        Distance = distance;
        MethodName = methodName;
        CancellationToken = cancellationToken;
        var rows = new List<int>[data.ClassNames.Count];
        for (var c = 0; c < rows.Length; c++)
        {
            rows[c] = [];
        }
        for (var r = 0; r < data.RowCount; r++)
        {
            rows[data.Labels[r]].Add(r);
        }
        ClassRows = rows.Select(l => l.ToArray()).ToArray();
        Values = data.Matrix;
    }

    public TabularData Data { get; }

    public ResampleOptions Options { get; }

    /// <summary>Coordinates for neighbour search (row i = table row i).</summary>
    public FeatureMatrix Distance { get; }

    /// <summary>The table's own values (generation happens here).</summary>
    public FeatureMatrix Values { get; }

    public string MethodName { get; }

    public CancellationToken CancellationToken { get; }

    public int[][] ClassRows { get; }

    public string ClassName(int c) => Data.ClassNames[c];

    /// <summary>Fails with a message naming the class when it has fewer rows than <paramref name="needed"/>.</summary>
    public void RequireClassRows(int c, int needed, string parameter, int value)
    {
        var have = ClassRows[c].Length;
        if (have < needed)
        {
            throw new TabularException(
                $"class '{ClassName(c)}' has {have} rows; {MethodName} with {parameter}={value} needs at least {needed} ({parameter} + 1)");
        }
    }

    /// <summary>Fails when the whole table has fewer rows than <paramref name="needed"/>.</summary>
    public void RequireTableRows(int needed, string parameter, int value)
    {
        if (Data.RowCount < needed)
        {
            throw new TabularException(
                $"the table has {Data.RowCount} rows; {MethodName} with {parameter}={value} needs at least {needed} ({parameter} + 1)");
        }
    }

    /// <summary>kNN of the rows <paramref name="queryRows"/> (table indices) among <paramref name="referenceRows"/>
    /// (null: the whole table), never returning a query row itself.</summary>
    public NeighborTable Neighbors(int[]? referenceRows, int[] queryRows, int k)
    {
        var reference = referenceRows is null ? Distance : Distance.Gather(referenceRows);
        // A self-search gets the same matrix object twice: the kNN engine then computes each pair once.
        var queries = ReferenceEquals(referenceRows, queryRows) ? reference : Distance.Gather(queryRows);
        int[] self;
        if (referenceRows is null)
        {
            self = queryRows;
        }
        else
        {
            var position = new Dictionary<int, int>(referenceRows.Length);
            for (var i = 0; i < referenceRows.Length; i++)
            {
                position[referenceRows[i]] = i;
            }
            self = queryRows.Select(r => position.GetValueOrDefault(r, -1)).ToArray();
        }
        return ExactNearestNeighbors.Search(reference, queries, k, self.Any(s => s >= 0) ? self : null,
            Options.MaxDegreeOfParallelism, CancellationToken, expectTies: Options.Method == TabularMethod.SmoteN);
    }
}
