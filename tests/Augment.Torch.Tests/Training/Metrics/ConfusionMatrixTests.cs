using Augment.Torch.Training.Metrics;
using FsCheck.Xunit;

namespace Augment.Torch.Tests.Training.Metrics;

public class ConfusionMatrixTests
{
    [Fact]
    public void Metrics_KnownExample_MatchScikitLearn()
    {
        // sklearn: y_true=[0,0,1,1,2,2,2], y_pred=[0,1,1,1,2,0,2]
        // accuracy 5/7, f1_score(average="macro") = 0.7, recall_score(average=None) = [0.5, 1, 0.6667]
        var m = new ConfusionMatrix(3);
        m.AddRange([0, 0, 1, 1, 2, 2, 2], [0, 1, 1, 1, 2, 0, 2]);
        Assert.Equal(5.0 / 7, m.Accuracy(), 12);
        Assert.Equal(0.7, m.MacroF1(), 12);
        Assert.Equal([0.5, 1.0, 2.0 / 3], m.PerClassRecall());
        Assert.Equal(0.5, m.WorstClassRecall());
    }

    [Fact]
    public void MacroF1_ClassNeverSeen_IsExcluded()
    {
        var m = new ConfusionMatrix(4);
        m.AddRange([0, 1], [0, 1]);
        Assert.Equal(1.0, m.MacroF1());
        Assert.True(double.IsNaN(m.PerClassRecall()[3]));
    }

    [Fact]
    public void Add_LabelOutOfRange_Throws()
    {
        var m = new ConfusionMatrix(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Add(2, 0));
    }

    [Property]
    public bool Metrics_StayInUnitInterval(byte[] labels, byte[] preds)
    {
        var n = Math.Min(labels.Length, preds.Length);
        if (n == 0)
        {
            return true;
        }
        var m = new ConfusionMatrix(5);
        for (var i = 0; i < n; i++)
        {
            m.Add(labels[i] % 5, preds[i] % 5);
        }
        var acc = m.Accuracy();
        var f1 = m.MacroF1();
        return acc is >= 0 and <= 1 && f1 is >= 0 and <= 1 && m.WorstClassRecall() <= acc + 1e-12;
    }

    [Property]
    public bool PerfectPredictions_GiveOne(byte[] labels)
    {
        if (labels.Length == 0)
        {
            return true;
        }
        var m = new ConfusionMatrix(7);
        foreach (var l in labels)
        {
            m.Add(l % 7, l % 7);
        }
        return m.Accuracy() == 1 && Math.Abs(m.MacroF1() - 1) < 1e-12 && m.WorstClassRecall() == 1;
    }
}
