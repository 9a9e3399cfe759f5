namespace Augment.Core.Tabular.Neighbors;

/// <summary>Centred reference rows rounded to float32 in dimension-major tiles of <see cref="Width"/> rows, with
/// their squared norms, for the candidate pass. Padding lanes hold 0 with a norm of +Inf.</summary>
internal sealed class SingleTiles
{
    public const int Width = 16;

    public SingleTiles(FeatureMatrix reference, double[] centre)
    {
        Rows = reference.Rows;
        Dimensions = reference.Columns;
        TileCount = (Rows + Width - 1) / Width;
        Data = new float[(long)TileCount * Dimensions * Width];
        Norms = new float[(long)TileCount * Width];
        Norms.AsSpan(Rows).Fill(float.PositiveInfinity);
        var d = Dimensions;
        for (var row = 0; row < Rows; row++)
        {
            var baseOffset = (long)(row / Width) * d * Width + row % Width;
            var norm = 0.0;
            for (var f = 0; f < d; f++)
            {
                var v = (float)(reference.Data[(long)row * d + f] - centre[f]);
                Data[baseOffset + f * Width] = v;
                norm += (double)v * v;
            }
            Norms[row] = (float)norm;
            MaxNorm = Math.Max(MaxNorm, norm);
        }
    }

    public float[] Data { get; }

    /// <summary>Squared norms of the rounded centred rows (+Inf for padding lanes).</summary>
    public float[] Norms { get; }

    /// <summary>Largest squared norm of a row.</summary>
    public double MaxNorm { get; }

    public int Rows { get; }

    public int Dimensions { get; }

    public int TileCount { get; }
}
