namespace Augment.Core.Tabular.Samplers;

/// <summary>The coordinates neighbour searches run in. Euclidean distance in these coordinates is the distance
/// each method defines, so one exact kNN engine serves them all.</summary>
internal static class DistanceSpace
{
    /// <summary>All-numeric tables: the values themselves, z-scored per column when asked.</summary>
    public static FeatureMatrix Numeric(TabularData data, bool standardize)
    {
        var x = data.Matrix;
        return standardize ? Standardized(x, Enumerable.Range(0, x.Columns).ToArray()) : x;
    }

    /// <summary>SMOTE-NC (imbalanced-learn 0.10): numeric columns, then each categorical column one-hot encoded
    /// with the value median_std / 2, where median_std is the median over numeric columns of the minority
    /// class's population standard deviation. A categorical mismatch then adds median_std² / 2 to the squared
    /// distance.</summary>
    public static FeatureMatrix SmoteNc(TabularData data, bool standardize, int minorityClass)
    {
        var numeric = Columns(data, ColumnKind.Numeric);
        var categorical = Columns(data, ColumnKind.Categorical);
        var x = data.Matrix;
        var cont = new FeatureMatrix(new double[data.RowCount * numeric.Length], data.RowCount, numeric.Length);
        for (var r = 0; r < data.RowCount; r++)
        {
            for (var i = 0; i < numeric.Length; i++)
            {
                cont.Data[r * numeric.Length + i] = x.Data[r * x.Columns + numeric[i]];
            }
        }
        if (standardize)
        {
            cont = Standardized(cont, Enumerable.Range(0, numeric.Length).ToArray());
        }
        var minorityRows = Enumerable.Range(0, data.RowCount).Where(r => data.Labels[r] == minorityClass).ToArray();
        var stds = new double[numeric.Length];
        for (var i = 0; i < numeric.Length; i++)
        {
            stds[i] = Std(cont, minorityRows, i);
        }
        var medianStd = Median(stds);
        var width = numeric.Length + categorical.Sum(c => data.Categories[c]!.Count);
        var result = new double[data.RowCount * width];
        for (var r = 0; r < data.RowCount; r++)
        {
            cont.Row(r).CopyTo(result.AsSpan(r * width, numeric.Length));
            var offset = numeric.Length;
            foreach (var c in categorical)
            {
                result[r * width + offset + (int)x.Data[r * x.Columns + c]] = medianStd / 2;
                offset += data.Categories[c]!.Count;
            }
        }
        return new FeatureMatrix(result, data.RowCount, width);
    }

    /// <summary>SMOTE-N: the value difference metric (r = 2) as a Euclidean embedding: each categorical value
    /// becomes its vector of class frequencies P(class | value), so the squared distance between two rows is
    /// Σ_features Σ_classes (P(c | a) - P(c | b))².</summary>
    public static FeatureMatrix Vdm(TabularData data)
    {
        var classes = data.ClassNames.Count;
        var d = data.FeatureCount;
        var probabilities = new double[d][];
        for (var f = 0; f < d; f++)
        {
            var cats = data.Categories[f]!.Count;
            var counts = new double[cats * classes];
            var totals = new double[cats];
            for (var r = 0; r < data.RowCount; r++)
            {
                var v = (int)data.Features[r * d + f];
                counts[v * classes + data.Labels[r]]++;
                totals[v]++;
            }
            for (var v = 0; v < cats; v++)
            {
                for (var c = 0; c < classes; c++)
                {
                    counts[v * classes + c] = totals[v] == 0 ? 0 : counts[v * classes + c] / totals[v];
                }
            }
            probabilities[f] = counts;
        }
        var width = d * classes;
        var result = new double[data.RowCount * width];
        for (var r = 0; r < data.RowCount; r++)
        {
            for (var f = 0; f < d; f++)
            {
                var v = (int)data.Features[r * d + f];
                probabilities[f].AsSpan(v * classes, classes).CopyTo(result.AsSpan(r * width + f * classes, classes));
            }
        }
        return new FeatureMatrix(result, data.RowCount, width);
    }

    public static int[] Columns(TabularData data, ColumnKind kind) =>
        Enumerable.Range(0, data.FeatureCount).Where(c => data.Kinds[c] == kind).ToArray();

    private static FeatureMatrix Standardized(FeatureMatrix x, int[] columns)
    {
        var all = Enumerable.Range(0, x.Rows).ToArray();
        var data = (double[])x.Data.Clone();
        foreach (var c in columns)
        {
            var mean = 0.0;
            for (var r = 0; r < x.Rows; r++)
            {
                mean += x.Data[r * x.Columns + c];
            }
            mean /= Math.Max(1, x.Rows);
            var std = Std(x, all, c);
            var scale = std > 0 ? 1 / std : 1;
            for (var r = 0; r < x.Rows; r++)
            {
                data[r * x.Columns + c] = (x.Data[r * x.Columns + c] - mean) * scale;
            }
        }
        return new FeatureMatrix(data, x.Rows, x.Columns);
    }

    /// <summary>Population standard deviation (ddof = 0) of column <paramref name="c"/> over the given rows.</summary>
    public static double Std(FeatureMatrix x, int[] rows, int c)
    {
        if (rows.Length == 0)
        {
            return 0;
        }
        var mean = 0.0;
        foreach (var r in rows)
        {
            mean += x.Data[r * x.Columns + c];
        }
        mean /= rows.Length;
        var ss = 0.0;
        foreach (var r in rows)
        {
            var e = x.Data[r * x.Columns + c] - mean;
            ss += e * e;
        }
        return Math.Sqrt(ss / rows.Length);
    }

    private static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
