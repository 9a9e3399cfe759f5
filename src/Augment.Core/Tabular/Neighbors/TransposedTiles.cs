namespace Augment.Core.Tabular.Neighbors;

/// <summary>A reference matrix rearranged into tiles of <see cref="Width"/> rows stored dimension-major, so the
/// distance kernels load one vector of <see cref="Width"/>/2 rows per dimension.
/// Without a centre, padding lanes hold +Inf (their direct distance is +Inf and never selected). With a centre
/// (the dot-product pass), values are centred, padding lanes hold 0 and their squared norm is +Inf.</summary>
internal sealed class TransposedTiles
{
    public const int Width = 8;

    public TransposedTiles(FeatureMatrix reference, double[]? centre)
    {
        Rows = reference.Rows;
        Dimensions = reference.Columns;
        TileCount = (Rows + Width - 1) / Width;
        Data = new double[(long)TileCount * Dimensions * Width];
        var d = Dimensions;
        if (centre is not null)
        {
            Norms = new double[(long)TileCount * Width];
            Norms.AsSpan(Rows).Fill(double.PositiveInfinity);
        }
        for (var t = 0; t < TileCount; t++)
        {
            var baseOffset = (long)t * d * Width;
            for (var lane = 0; lane < Width; lane++)
            {
                var row = t * Width + lane;
                var norm = 0.0;
                for (var f = 0; f < d; f++)
                {
                    double v;
                    if (row >= Rows)
                    {
                        v = centre is null ? double.PositiveInfinity : 0;
                    }
                    else
                    {
                        v = reference.Data[(long)row * d + f] - (centre?[f] ?? 0);
                        norm = Math.FusedMultiplyAdd(v, v, norm);
                    }
                    Data[baseOffset + f * Width + lane] = v;
                }
                if (Norms is not null && row < Rows)
                {
                    Norms[row] = norm;
                    MaxNorm = Math.Max(MaxNorm, norm);
                }
            }
        }
    }

    public double[] Data { get; }

    /// <summary>Squared norms of the centred rows by tile lane (+Inf for padding); null without a centre.</summary>
    public double[]? Norms { get; }

    /// <summary>Largest squared norm of a centred row.</summary>
    public double MaxNorm { get; }

    public int Rows { get; }

    public int Dimensions { get; }

    public int TileCount { get; }
}
