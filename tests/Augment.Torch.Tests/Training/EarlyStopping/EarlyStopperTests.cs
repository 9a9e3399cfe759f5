using Augment.Torch.Training;
using Augment.Torch.Training.EarlyStopping;
using FsCheck.Xunit;

namespace Augment.Torch.Tests.Training.EarlyStopping;

public class EarlyStopperTests
{
    private static (int StopEpoch, int BestEpoch, bool Restore) Run(EarlyStoppingOptions o, params double[] values)
    {
        var s = new EarlyStopper(o);
        for (var e = 0; e < values.Length; e++)
        {
            var d = s.Observe(e, values[e]);
            if (d.Stop)
            {
                return (e, d.BestEpoch, d.RestoreBest);
            }
        }
        return (-1, s.BestEpoch, false);
    }

    [Fact]
    public void Observe_NoImprovementForPatienceEpochs_StopsAndRestoresBest()
    {
        var r = Run(new EarlyStoppingOptions { Patience = 3 }, 1.0, 0.8, 0.7, 0.71, 0.72, 0.73, 0.5);
        Assert.Equal((5, 2, true), r);
    }

    [Fact]
    public void Observe_DefaultPatience_IsTen()
    {
        var values = new[] { 1.0 }.Concat(Enumerable.Repeat(2.0, 12)).ToArray();
        Assert.Equal(10, new EarlyStoppingOptions().Patience);
        Assert.Equal(10, Run(new EarlyStoppingOptions(), values).StopEpoch);
    }

    [Fact]
    public void Observe_ImprovementBelowMinDelta_DoesNotCount()
    {
        var r = Run(new EarlyStoppingOptions { Patience = 2, MinDelta = 0.1 }, 1.0, 0.95, 0.91, 0.5);
        Assert.Equal((2, 0, true), r);
    }

    [Fact]
    public void Observe_MaxMode_TracksHighest()
    {
        var r = Run(new EarlyStoppingOptions { Monitor = "val_accuracy", Mode = MonitorMode.Max, Patience = 2 }, 0.5, 0.7, 0.6, 0.65, 0.9);
        Assert.Equal((3, 1, true), r);
    }

    [Fact]
    public void Observe_BaselineNotBeaten_ImprovementsDoNotResetCounter()
    {
        // With a baseline of 0.5 the improvements at epochs 0 and 1 are recorded but do not reset the counter.
        var values = new[] { 1.0, 0.9, 0.95, 0.96, 0.97 };
        Assert.Equal((2, 1, true), Run(new EarlyStoppingOptions { Patience = 3, Baseline = 0.5 }, values));
        Assert.Equal(4, Run(new EarlyStoppingOptions { Patience = 3 }, values).StopEpoch);
    }

    [Fact]
    public void Observe_BaselineBeaten_ResetsCounter()
    {
        var r = Run(new EarlyStoppingOptions { Patience = 2, Baseline = 0.5 }, 0.4, 0.45, 0.3, 0.35, 0.36);
        Assert.Equal((4, 2, true), r);
    }

    [Fact]
    public void Observe_BeforeStartFromEpoch_IsIgnored()
    {
        var r = Run(new EarlyStoppingOptions { Patience = 1, StartFromEpoch = 3 }, 0.1, 5, 5, 1.0, 1.1);
        Assert.Equal((4, 3, true), r);
    }

    [Fact]
    public void Observe_RestoreBestOff_DecisionSaysNoRestore()
    {
        var r = Run(new EarlyStoppingOptions { Patience = 1, RestoreBestWeights = false }, 1, 2);
        Assert.Equal((1, 0, false), r);
    }

    [Fact]
    public void Observe_AfterStop_Throws()
    {
        var s = new EarlyStopper(new EarlyStoppingOptions { Patience = 1 });
        s.Observe(0, 1);
        Assert.True(s.Observe(1, 2).Stop);
        Assert.Throws<InvalidOperationException>(() => s.Observe(2, 0));
    }

    [Fact]
    public void SaveRestore_ContinuesIdentically()
    {
        var o = new EarlyStoppingOptions { Patience = 2 };
        var a = new EarlyStopper(o);
        a.Observe(0, 1.0);
        a.Observe(1, 1.1);
        var b = new EarlyStopper(o);
        b.Restore(a.Save());
        Assert.Equal(a.Observe(2, 1.2), b.Observe(2, 1.2));
    }

    [Fact]
    public void Options_NegativePatience_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new EarlyStopper(new EarlyStoppingOptions { Patience = -1 }));
        Assert.Contains("patience", ex.Message, StringComparison.Ordinal);
    }

    [Property]
    public bool Observe_StrictlyDecreasingLoss_NeverStops(byte n)
    {
        var s = new EarlyStopper(new EarlyStoppingOptions { Patience = 0 });
        for (var e = 0; e < n; e++)
        {
            if (s.Observe(e, 100.0 - e).Stop)
            {
                return false;
            }
        }
        return true;
    }

    [Property]
    public bool Observe_StopsExactlyAfterPatienceNonImprovingEpochs(byte patienceRaw)
    {
        var patience = 1 + patienceRaw % 20;
        var s = new EarlyStopper(new EarlyStoppingOptions { Patience = patience });
        s.Observe(0, 0.0);
        for (var e = 1; e < patience; e++)
        {
            if (s.Observe(e, 1.0).Stop)
            {
                return false;
            }
        }
        return s.Observe(patience, 1.0).Stop;
    }
}
