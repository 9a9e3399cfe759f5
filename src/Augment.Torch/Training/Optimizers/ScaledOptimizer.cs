using static TorchSharp.torch;

namespace Augment.Torch.Training.Optimizers;

/// <summary>An optimiser whose parameter groups each carry a learning-rate multiplier relative to the
/// schedule's base rate (backbone vs head).</summary>
public sealed class ScaledOptimizer : IDisposable
{
    private readonly double[] _scales;

    internal ScaledOptimizer(optim.Optimizer optimizer, double[] scales)
    {
        Optimizer = optimizer;
        _scales = scales;
    }

    /// <summary>The TorchSharp optimiser.</summary>
    public optim.Optimizer Optimizer { get; }

    /// <summary>Learning-rate multiplier of each parameter group.</summary>
    public IReadOnlyList<double> Scales => _scales;

    /// <summary>Sets every group's learning rate to <paramref name="baseLearningRate"/> × its scale.</summary>
    public void SetLearningRate(double baseLearningRate)
    {
        var i = 0;
        foreach (var group in Optimizer.ParamGroups)
        {
            group.LearningRate = baseLearningRate * _scales[i++];
        }
    }

    /// <summary>The learning rate of each group.</summary>
    public double[] LearningRates() => [.. Optimizer.ParamGroups.Select(g => g.LearningRate)];

    /// <inheritdoc />
    public void Dispose() => Optimizer.Dispose();
}
