namespace Augment.Torch.Text.CondBert.Training;

/// <summary>BERT's schedule: linear warm-up from 0 to the peak rate, then linear decay to 0 at the last step.</summary>
internal static class WarmupLinearSchedule
{
    public static double At(int step, int totalSteps, int warmupSteps, double peak)
    {
        if (step < warmupSteps)
        {
            return peak * (step + 1) / warmupSteps;
        }

        var remaining = totalSteps - step;
        var span = Math.Max(1, totalSteps - warmupSteps);
        return peak * Math.Max(0.0, (double)remaining / span);
    }
}
