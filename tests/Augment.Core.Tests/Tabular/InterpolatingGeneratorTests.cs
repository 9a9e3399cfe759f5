using Augment.Core.Randomness;
using Augment.Core.Tabular;
using Augment.Core.Tabular.Generation;
using Augment.Core.Tabular.Neighbors;
using FsCheck.Xunit;

namespace Augment.Core.Tests.Tabular;

public class InterpolatingGeneratorTests
{
    private static double[] Values(int count, ulong seed)
    {
        var rng = new Rng(seed);
        return Enumerable.Range(0, count).Select(_ => rng.NextGaussian() * 1e3).ToArray();
    }

    [Property(MaxTest = 50)]
    public bool Interpolate_AnyLength_SameBitsAsScalarFormula(int seed, byte length, double uRaw)
    {
        var d = length % 41;
        var x = Values(d, (ulong)seed);
        var y = Values(d, (ulong)seed + 1);
        var u = double.IsFinite(uRaw) ? Math.Abs(uRaw % 1) : 0.5;
        var row = new double[d];
        InterpolatingGenerator.Interpolate(x, y, u, row);
        return Enumerable.Range(0, d).All(f => BitConverter.DoubleToInt64Bits(row[f]) == BitConverter.DoubleToInt64Bits(x[f] + u * (y[f] - x[f])));
    }

    [Fact]
    public void Generate_NumericOnly_EqualsReplayedDrawsAndScalarFormula()
    {
        // Draw order per row is seed, neighbour, u: replaying the row's generator must give the same bits.
        const int rows = 20;
        const int d = 35;
        var data = new FeatureMatrix(Values(rows * d, 3), rows, d);
        var neighbors = new NeighborTable(Enumerable.Range(0, rows * 3).Select(i => (i / 3 + 1 + i % 3) % rows).ToArray(), rows, 3);
        var generator = new InterpolatingGenerator(7, "1", 1, 50, "smote", data, SeedChooser.Uniform(rows), neighbors, data, 1.0, []);
        var row = new double[d];
        for (var j = 0; j < 50; j++)
        {
            generator.Generate(j, row);
            var rng = generator.RngFor(j);
            var s = rng.NextInt(rows);
            var n = neighbors.Of(s)[rng.NextInt(3)];
            var u = rng.NextDouble();
            var expected = Enumerable.Range(0, d).Select(f => data.Row(s)[f] + u * (data.Row(n)[f] - data.Row(s)[f]));
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), row.Select(BitConverter.DoubleToInt64Bits));
        }
    }
}
