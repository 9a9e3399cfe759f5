namespace Augment.Torch.Tuning.Bayes;

/// <summary>Cholesky factorisation A = L·Lᵀ of a symmetric positive-definite matrix, and triangular solves.</summary>
public sealed class Cholesky
{
    private readonly double[,] _l;

    private Cholesky(double[,] l) => _l = l;

    /// <summary>Dimension.</summary>
    public int Size => _l.GetLength(0);

    /// <summary>L[i, j] (zero above the diagonal).</summary>
    public double this[int i, int j] => _l[i, j];

    /// <summary>Factorises <paramref name="a"/> (only the lower triangle is read). Throws when A is not
    /// positive definite.</summary>
    public static Cholesky Decompose(double[,] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var n = a.GetLength(0);
        if (a.GetLength(1) != n)
        {
            throw new ArgumentException($"cholesky: matrix is {n}x{a.GetLength(1)}, not square");
        }
        var l = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var d = a[j, j];
            for (var k = 0; k < j; k++)
            {
                d -= l[j, k] * l[j, k];
            }
            if (!(d > 0))
            {
                throw new ArithmeticException($"cholesky: matrix is not positive definite (pivot {j} = {d})");
            }
            var ljj = Math.Sqrt(d);
            l[j, j] = ljj;
            for (var i = j + 1; i < n; i++)
            {
                var s = a[i, j];
                for (var k = 0; k < j; k++)
                {
                    s -= l[i, k] * l[j, k];
                }
                l[i, j] = s / ljj;
            }
        }
        return new Cholesky(l);
    }

    /// <summary>Solves L·x = b.</summary>
    public double[] SolveLower(ReadOnlySpan<double> b)
    {
        var n = Size;
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++)
            {
                s -= _l[i, k] * x[k];
            }
            x[i] = s / _l[i, i];
        }
        return x;
    }

    /// <summary>Solves Lᵀ·x = b.</summary>
    public double[] SolveUpper(ReadOnlySpan<double> b)
    {
        var n = Size;
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var k = i + 1; k < n; k++)
            {
                s -= _l[k, i] * x[k];
            }
            x[i] = s / _l[i, i];
        }
        return x;
    }

    /// <summary>Solves A·x = b.</summary>
    public double[] Solve(ReadOnlySpan<double> b) => SolveUpper(SolveLower(b));

    /// <summary>log det A = 2·Σ log L[i, i].</summary>
    public double LogDeterminant()
    {
        double s = 0;
        for (var i = 0; i < Size; i++)
        {
            s += Math.Log(_l[i, i]);
        }
        return 2 * s;
    }
}
