namespace Augment.Core.Tabular.Neighbors;

/// <summary>A reference matrix rearranged into tiles of <see cref="Width"/> rows stored dimension-major, so the
/// direct kernel loads one vector of <see cref="Width"/>/2 rows per dimension. Padding lanes hold +Inf: their
/// distance is +Inf and is never selected.</summary>
internal sealed class TransposedTiles
{
    public const int Width = 8;

    public TransposedTiles(FeatureMatrix reference)
    {
        Rows = reference.Rows;
        Dimensions = reference.Columns;
        TileCount = (Rows + Width - 1) / Width;
        Data = new double[(long)TileCount * Dimensions * Width];
        var d = Dimensions;
        for (var t = 0; t < TileCount; t++)
        {
            var baseOffset = (long)t * d * Width;
            for (var lane = 0; lane < Width; lane++)
            {
                var row = t * Width + lane;
                for (var f = 0; f < d; f++)
                {
                    Data[baseOffset + f * Width + lane] = row < Rows ? reference.Data[(long)row * d + f] : double.PositiveInfinity;
                }
            }
        }
    }

    public double[] Data { get; }

    public int Rows { get; }

    public int Dimensions { get; }

    public int TileCount { get; }
}
