namespace Augment.Core.Imaging;

/// <summary>Gaussian elimination with partial pivoting for small dense systems.</summary>
internal static class LinearSolve
{
    /// <summary>Solves the n x n system given as an augmented n x (n + 1) matrix (modified in place).</summary>
    public static double[] Solve(double[,] a)
    {
        var n = a.GetLength(0);
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }
            if (Math.Abs(a[pivot, col]) < 1e-12)
            {
                throw new InvalidOperationException("degenerate quadrilateral");
            }
            for (var c = 0; c <= n; c++)
            {
                (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            }
            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }
                var f = a[r, col] / a[col, col];
                for (var c = col; c <= n; c++)
                {
                    a[r, c] -= f * a[col, c];
                }
            }
        }
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = a[i, n] / a[i, i];
        }
        return x;
    }
}
