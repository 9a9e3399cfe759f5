using Augment.Torch.Text.CondBert.Training;

namespace Augment.Torch.Tests.Text.CondBert.Training;

public sealed class WarmupLinearScheduleTests
{
    [Fact]
    public void At_WarmupThenDecay_RisesToPeakThenFallsToZero()
    {
        Assert.Equal(0.25, WarmupLinearSchedule.At(0, 20, 4, 1.0), 12);
        Assert.Equal(1.0, WarmupLinearSchedule.At(3, 20, 4, 1.0), 12);
        Assert.Equal(1.0, WarmupLinearSchedule.At(4, 20, 4, 1.0), 12);
        Assert.Equal(0.5, WarmupLinearSchedule.At(12, 20, 4, 1.0), 12);
        Assert.Equal(1.0 / 16, WarmupLinearSchedule.At(19, 20, 4, 1.0), 12);
    }

    [Fact]
    public void At_NoWarmup_StartsAtPeak()
    {
        Assert.Equal(2e-5, WarmupLinearSchedule.At(0, 10, 0, 2e-5), 15);
    }
}
