using Augment.Torch.Training;
using Augment.Torch.Training.Schedules;

namespace Augment.Torch.Tests.Training.Schedules;

public class ReduceOnPlateauScheduleTests
{
    private static readonly double[] Losses = [1.0, 0.9, 0.95, 0.93, 0.92, 0.91, 0.9, 0.9, 0.85, 0.86, 0.87, 0.88, 0.89, 0.9];

    private static double[] Run(ReduceOnPlateauSchedule s, double[] metrics)
    {
        var lrs = new double[metrics.Length];
        for (var i = 0; i < metrics.Length; i++)
        {
            s.EpochCompleted(metrics[i]);
            lrs[i] = s.LearningRate;
        }
        return lrs;
    }

    [Fact]
    public void Torch_PatienceCooldownMinLr_MatchesTorch()
    {
        // torch 1.13 ReduceLROnPlateau(mode=min, factor=0.5, patience=2, threshold=1e-4, cooldown=1, min_lr=0.1)
        var s = new ReduceOnPlateauSchedule(1.0, MonitorMode.Min, factor: 0.5, patience: 2, threshold: 1e-4, cooldown: 1, minLearningRate: 0.1);
        Assert.Equal([1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25], Run(s, Losses));
    }

    [Fact]
    public void Torch_AbsoluteThresholdZeroPatience_MatchesTorch()
    {
        var s = new ReduceOnPlateauSchedule(1.0, MonitorMode.Min, factor: 0.5, patience: 0, threshold: 0.05, thresholdMode: ThresholdMode.Absolute);
        var expected = new[] { 1.0, 1.0 }.Concat(Enumerable.Range(1, 12).Select(i => Math.Pow(0.5, i))).ToArray();
        Assert.Equal(expected, Run(s, Losses));
    }

    [Fact]
    public void Torch_MaxMode_MatchesTorch()
    {
        var s = new ReduceOnPlateauSchedule(1.0, MonitorMode.Max, factor: 0.1, patience: 1);
        var lrs = Run(s, [0.5, 0.6, 0.6, 0.6, 0.7, 0.6, 0.6]);
        double[] torch = [1.0, 1.0, 1.0, 0.1, 0.1, 0.1, 0.01];
        for (var i = 0; i < lrs.Length; i++)
        {
            Assert.Equal(torch[i], lrs[i], 15);
        }
    }

    [Fact]
    public void Keras_ReducesWhenWaitReachesPatience()
    {
        var s = new ReduceOnPlateauSchedule(1.0, MonitorMode.Min, factor: 0.5, patience: 2, threshold: 0.05,
            thresholdMode: ThresholdMode.Absolute, cooldown: 1, semantics: PlateauSemantics.Keras);
        Assert.Equal([1.0, 1.0, 1.0, 0.5, 0.5, 0.25, 0.25, 0.125, 0.125, 0.0625, 0.0625, 0.03125, 0.03125, 0.015625], Run(s, Losses));
    }

    [Fact]
    public void MinLearningRate_IsAFloor()
    {
        var s = new ReduceOnPlateauSchedule(1.0, factor: 0.1, patience: 0, minLearningRate: 0.05);
        Run(s, [1, 1, 1, 1, 1, 1]);
        Assert.Equal(0.05, s.LearningRate);
    }

    [Fact]
    public void SaveRestore_ContinuesIdentically()
    {
        var a = new ReduceOnPlateauSchedule(1.0, factor: 0.5, patience: 1, cooldown: 1);
        Run(a, Losses[..5]);
        var b = new ReduceOnPlateauSchedule(1.0, factor: 0.5, patience: 1, cooldown: 1);
        b.Restore(a.Save());
        Assert.Equal(Run(a, Losses[5..]), Run(b, Losses[5..]));
    }

    [Fact]
    public void NaNMetric_Throws()
    {
        var s = new ReduceOnPlateauSchedule(1.0);
        Assert.Throws<ArgumentException>(() => s.EpochCompleted(double.NaN));
    }
}
