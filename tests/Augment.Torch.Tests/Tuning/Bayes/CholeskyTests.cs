using Augment.Core.Randomness;
using Augment.Torch.Tuning.Bayes;
using FsCheck.Xunit;

namespace Augment.Torch.Tests.Tuning.Bayes;

public class CholeskyTests
{
    [Fact]
    public void Decompose_KnownMatrix_GivesKnownFactor()
    {
        var c = Cholesky.Decompose(new double[,] { { 4, 12, -16 }, { 12, 37, -43 }, { -16, -43, 98 } });
        Assert.Equal(new double[] { 2, 6, -8, 1, 5, 3 }, new[] { c[0, 0], c[1, 0], c[2, 0], c[1, 1], c[2, 1], c[2, 2] });
        Assert.Equal(Math.Log(36), c.LogDeterminant(), 12);
    }

    [Fact]
    public void Decompose_NotPositiveDefinite_Throws()
    {
        Assert.Throws<ArithmeticException>(() => Cholesky.Decompose(new double[,] { { 1, 2 }, { 2, 1 } }));
    }

    [Property]
    public bool Solve_RandomSpdMatrix_ReconstructsAndSolves(ulong seed, byte sizeRaw)
    {
        var n = 1 + sizeRaw % 8;
        var rng = new SampleKey(seed, 0, 0).For(1);
        var b = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                b[i, j] = rng.Uniform(-1, 1);
            }
        }
        var a = new double[n, n]; // A = B·Bᵀ + n·I
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < n; k++)
                {
                    a[i, j] += b[i, k] * b[j, k];
                }
            }
            a[i, i] += n;
        }
        var c = Cholesky.Decompose(a);
        var rhs = Enumerable.Range(0, n).Select(_ => rng.Uniform(-5, 5)).ToArray();
        var x = c.Solve(rhs);
        for (var i = 0; i < n; i++)
        {
            double ax = 0;
            for (var j = 0; j < n; j++)
            {
                ax += a[i, j] * x[j];
            }
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var k = 0; k < n; k++)
                {
                    s += c[i, k] * c[j, k];
                }
                if (Math.Abs(s - a[i, j]) > 1e-9)
                {
                    return false;
                }
            }
            if (Math.Abs(ax - rhs[i]) > 1e-8)
            {
                return false;
            }
        }
        return true;
    }
}
