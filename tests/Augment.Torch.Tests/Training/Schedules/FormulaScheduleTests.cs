using Augment.Torch.Training.Schedules;
using FsCheck.Xunit;

namespace Augment.Torch.Tests.Training.Schedules;

public class FormulaScheduleTests
{
    private static double[] Sequence(ILearningRateSchedule s, int epochs, int stepsPerEpoch = 1)
    {
        var lrs = new List<double>();
        for (var e = 0; e < epochs; e++)
        {
            for (var b = 0; b < stepsPerEpoch; b++)
            {
                lrs.Add(s.LearningRate);
                s.StepCompleted();
            }
            s.EpochCompleted(0);
        }
        return [.. lrs];
    }

    [Fact]
    public void Exponential_PerEpoch_FollowsFormula()
    {
        var lrs = Sequence(new ExponentialDecaySchedule(0.1, 0.3), 6, stepsPerEpoch: 3);
        for (var i = 0; i < lrs.Length; i++)
        {
            Assert.Equal(0.1 * Math.Exp(-0.3 * (i / 3)), lrs[i], 15);
        }
    }

    [Fact]
    public void Exponential_PerStep_AdvancesEveryStep()
    {
        var lrs = Sequence(new ExponentialDecaySchedule(0.1, 0.05, ScheduleUnit.Step), 3, stepsPerEpoch: 4);
        for (var i = 0; i < lrs.Length; i++)
        {
            Assert.Equal(0.1 * Math.Exp(-0.05 * i), lrs[i], 15);
        }
    }

    [Fact]
    public void InverseTime_FollowsFormula()
    {
        var lrs = Sequence(new InverseTimeDecaySchedule(0.2, 0.5), 8);
        for (var t = 0; t < lrs.Length; t++)
        {
            Assert.Equal(0.2 / (1 + 0.5 * t), lrs[t], 15);
        }
    }

    [Fact]
    public void Step_HalvesEveryFiveEpochs()
    {
        var lrs = Sequence(new StepDecaySchedule(1.0, 5, 0.5), 16);
        Assert.Equal([1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0.25, 0.125], lrs);
    }

    [Fact]
    public void Step_TenthEveryTwenty_MatchesFormula()
    {
        var s = new StepDecaySchedule(0.1, 20, 0.1);
        Assert.Equal(0.1, s.At(19), 15);
        Assert.Equal(0.01, s.At(20), 15);
        Assert.Equal(0.001, s.At(45), 15);
    }

    [Fact]
    public void MultiStep_DecaysAtMilestones()
    {
        var lrs = Sequence(new MultiStepSchedule(1.0, [2, 5], 0.1), 7);
        Assert.Equal(new[] { 1, 1, 0.1, 0.1, 0.1, 0.01, 0.01 }, lrs, new Tolerance(1e-15));
    }

    [Fact]
    public void MultiStep_UnorderedMilestones_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MultiStepSchedule(1.0, [5, 2], 0.1));
        Assert.Contains("milestones[1]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CosineWarmup_WarmsUpLinearlyThenFollowsCosine()
    {
        var s = new CosineWarmupSchedule(1.0, total: 12, warmup: 4, minLearningRate: 0.1);
        Assert.Equal([0.25, 0.5, 0.75, 1.0], Enumerable.Range(0, 4).Select(t => s.At(t)).ToArray());
        for (var t = 4; t < 12; t++)
        {
            var expected = 0.1 + 0.9 * 0.5 * (1 + Math.Cos(Math.PI * (t - 4) / 8.0));
            Assert.Equal(expected, s.At(t), 14);
        }
        Assert.Equal(0.1, s.At(12), 15);
        Assert.Equal(0.1, s.At(100), 15);
    }

    [Fact]
    public void OneCycle_MatchesTorchValues()
    {
        // torch 1.13: OneCycleLR(SGD(lr=0.1), max_lr=0.1, total_steps=10) — get_last_lr() after 0..9 steps.
        double[] torch =
        [
            0.004, 0.052, 0.1, 0.095048463201347, 0.081174565394976,
            0.061126202193629, 0.038874197806371, 0.018825834605024, 0.004951936798653, 0.0000004,
        ];
        var s = new OneCycleSchedule(0.1, 10);
        for (var t = 0; t < 10; t++)
        {
            Assert.Equal(torch[t], s.At(t), 9);
        }
    }

    [Fact]
    public void OneCycle_EndsAtFinalRate()
    {
        var s = new OneCycleSchedule(0.1, 100);
        Assert.Equal(0.1 / 25, s.At(0), 15);
        Assert.Equal(0.1 / 25 / 1e4, s.At(99), 15);
    }

    [Fact]
    public void Restore_ResumesClock()
    {
        var a = new ExponentialDecaySchedule(0.1, 0.2);
        Sequence(a, 3);
        var b = new ExponentialDecaySchedule(0.1, 0.2);
        b.Restore(a.Save());
        Assert.Equal(a.LearningRate, b.LearningRate);
        Assert.Equal(0.1 * Math.Exp(-0.6), b.LearningRate, 15);
    }

    [Property]
    public bool DecaySchedules_AreNonIncreasing(byte t, byte kRaw)
    {
        var k = kRaw / 100.0;
        ILearningRateSchedule[] all =
        [
            new ExponentialDecaySchedule(0.1, k), new InverseTimeDecaySchedule(0.1, k),
            new StepDecaySchedule(0.1, 3, 0.5), new MultiStepSchedule(0.1, [10, 50, 200], 0.3),
        ];
        return all.Cast<FormulaSchedule>().All(s => s.At(t + 1) <= s.At(t) && s.At(t) > 0);
    }

    [Property]
    public bool CosineWarmup_StaysWithinBounds(ushort t)
    {
        var s = new CosineWarmupSchedule(0.5, total: 1000, warmup: 50, minLearningRate: 0.01);
        var lr = s.At(t);
        return lr > 0 && lr <= 0.5 + 1e-15 && (t < 50 || lr >= 0.01 - 1e-15);
    }

    private sealed class Tolerance(double eps) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= eps;

        public int GetHashCode(double obj) => 0;
    }
}
