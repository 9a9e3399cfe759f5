namespace Augment.Torch.Training.Metrics;

/// <summary>A confusion matrix (rows: true class, columns: predicted class) and the metrics derived
/// from it: accuracy, macro-F1 and per-class recall.</summary>
public sealed class ConfusionMatrix
{
    private readonly long[] _counts;

    /// <summary>Creates an empty matrix for <paramref name="classCount"/> classes.</summary>
    public ConfusionMatrix(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        ClassCount = classCount;
        _counts = new long[classCount * classCount];
    }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Total number of samples added.</summary>
    public long Total { get; private set; }

    /// <summary>Count of samples of class <paramref name="truth"/> predicted as <paramref name="predicted"/>.</summary>
    public long this[int truth, int predicted] => _counts[truth * ClassCount + predicted];

    /// <summary>Adds one prediction.</summary>
    public void Add(int truth, int predicted)
    {
        if ((uint)truth >= (uint)ClassCount)
        {
            throw new ArgumentOutOfRangeException(nameof(truth), truth, $"label must be in [0, {ClassCount})");
        }
        if ((uint)predicted >= (uint)ClassCount)
        {
            throw new ArgumentOutOfRangeException(nameof(predicted), predicted, $"prediction must be in [0, {ClassCount})");
        }
        _counts[truth * ClassCount + predicted]++;
        Total++;
    }

    /// <summary>Adds pairs of labels and predictions.</summary>
    public void AddRange(ReadOnlySpan<int> truths, ReadOnlySpan<int> predictions)
    {
        if (truths.Length != predictions.Length)
        {
            throw new ArgumentException($"{truths.Length} labels but {predictions.Length} predictions");
        }
        for (var i = 0; i < truths.Length; i++)
        {
            Add(truths[i], predictions[i]);
        }
    }

    /// <summary>Number of samples whose true class is <paramref name="c"/>.</summary>
    public long Support(int c)
    {
        long s = 0;
        for (var p = 0; p < ClassCount; p++)
        {
            s += this[c, p];
        }
        return s;
    }

    /// <summary>Number of samples predicted as <paramref name="c"/>.</summary>
    public long Predicted(int c)
    {
        long s = 0;
        for (var t = 0; t < ClassCount; t++)
        {
            s += this[t, c];
        }
        return s;
    }

    /// <summary>Fraction of correct predictions (NaN when empty).</summary>
    public double Accuracy()
    {
        if (Total == 0)
        {
            return double.NaN;
        }
        long correct = 0;
        for (var c = 0; c < ClassCount; c++)
        {
            correct += this[c, c];
        }
        return (double)correct / Total;
    }

    /// <summary>Recall of each class: TP / support; NaN for a class with no true samples.</summary>
    public double[] PerClassRecall()
    {
        var r = new double[ClassCount];
        for (var c = 0; c < ClassCount; c++)
        {
            var s = Support(c);
            r[c] = s == 0 ? double.NaN : (double)this[c, c] / s;
        }
        return r;
    }

    /// <summary>The lowest recall over classes that have true samples (NaN when empty).</summary>
    public double WorstClassRecall()
    {
        var worst = double.NaN;
        foreach (var r in PerClassRecall())
        {
            if (!double.IsNaN(r) && (double.IsNaN(worst) || r < worst))
            {
                worst = r;
            }
        }
        return worst;
    }

    /// <summary>F1 of each class: 2·TP / (2·TP + FP + FN); 0 when the class has neither true samples nor predictions.</summary>
    public double[] PerClassF1()
    {
        var f = new double[ClassCount];
        for (var c = 0; c < ClassCount; c++)
        {
            var tp = this[c, c];
            var denom = Support(c) + Predicted(c);
            f[c] = denom == 0 ? 0 : 2.0 * tp / denom;
        }
        return f;
    }

    /// <summary>Unweighted mean of per-class F1 over the classes that occur as a label or a prediction
    /// (scikit-learn's f1_score(average="macro") with zero_division=0). NaN when empty.</summary>
    public double MacroF1()
    {
        if (Total == 0)
        {
            return double.NaN;
        }
        var f1 = PerClassF1();
        double sum = 0;
        var n = 0;
        for (var c = 0; c < ClassCount; c++)
        {
            if (Support(c) + Predicted(c) > 0)
            {
                sum += f1[c];
                n++;
            }
        }
        return sum / n;
    }
}
