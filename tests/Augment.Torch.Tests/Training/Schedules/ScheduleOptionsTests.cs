using Augment.Torch.Training;
using Augment.Torch.Training.Schedules;

namespace Augment.Torch.Tests.Training.Schedules;

public class ScheduleOptionsTests
{
    [Theory]
    [InlineData("constant", typeof(ConstantSchedule))]
    [InlineData("exponential", typeof(ExponentialDecaySchedule))]
    [InlineData("inverse-time", typeof(InverseTimeDecaySchedule))]
    [InlineData("step", typeof(StepDecaySchedule))]
    [InlineData("multistep", typeof(MultiStepSchedule))]
    [InlineData("cosine", typeof(CosineWarmupSchedule))]
    [InlineData("onecycle", typeof(OneCycleSchedule))]
    [InlineData("plateau", typeof(ReduceOnPlateauSchedule))]
    public void Create_EveryKind_BuildsItsSchedule(string kind, Type expected)
    {
        var s = new ScheduleOptions { Kind = kind, Milestones = [2] }.Create(0.1, 10, 5, MonitorMode.Min);
        Assert.IsType(expected, s);
        Assert.True(s.LearningRate > 0);
    }

    [Fact]
    public void Create_StepPerStep_ScalesEpochsToSteps()
    {
        var s = (StepDecaySchedule)new ScheduleOptions { Kind = "step", StepSize = 2, Gamma = 0.5, PerStep = true }.Create(1.0, 10, 4, MonitorMode.Min);
        Assert.Equal(ScheduleUnit.Step, s.Unit);
        Assert.Equal(1.0, s.At(7));
        Assert.Equal(0.5, s.At(8));
    }

    [Fact]
    public void Create_CosineWarmup_CountsWarmupInSteps()
    {
        var s = (CosineWarmupSchedule)new ScheduleOptions { Kind = "cosine", WarmupEpochs = 1 }.Create(1.0, 4, 10, MonitorMode.Min);
        Assert.Equal(40, s.Total);
        Assert.Equal(10, s.Warmup);
        Assert.Equal(0.1, s.At(0), 12);
    }

    [Fact]
    public void Create_UnknownKind_ListsKinds()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ScheduleOptions { Kind = "sawtooth" }.Create(1, 1, 1, MonitorMode.Min));
        Assert.Contains("plateau", ex.Message, StringComparison.Ordinal);
    }
}
