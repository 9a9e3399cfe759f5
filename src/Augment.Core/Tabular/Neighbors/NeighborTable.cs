namespace Augment.Core.Tabular.Neighbors;

/// <summary>The k nearest neighbours of each query row, nearest first (ties: lower reference index first).</summary>
internal sealed class NeighborTable
{
    public NeighborTable(int[] indices, int queries, int k)
    {
        if (indices.Length != (long)queries * k)
        {
            throw new ArgumentException("indices must hold queries x k entries", nameof(indices));
        }
        Indices = indices;
        Queries = queries;
        K = k;
    }

    /// <summary>Row-major queries x k reference indices.</summary>
    public int[] Indices { get; }

    public int Queries { get; }

    public int K { get; }

    public ReadOnlySpan<int> Of(int query) => Indices.AsSpan(query * K, K);
}
