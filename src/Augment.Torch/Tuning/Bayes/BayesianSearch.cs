using Augment.Core.Randomness;

namespace Augment.Torch.Tuning.Bayes;

/// <summary>Bayesian optimisation: <see cref="InitialRandomTrials"/> random points, then each trial maximises
/// expected improvement under a Gaussian process (length scale chosen by marginal likelihood) over
/// <see cref="Candidates"/> random candidates plus perturbations of the best point so far.</summary>
public sealed class BayesianSearch : ISearchStrategy
{
    private static readonly ulong Stream = StableHash.Of("augment.tune.bayes");
    private static readonly double[] LengthScales = [0.05, 0.1, 0.2, 0.35, 0.6, 1.0];

    /// <summary>Creates the strategy.</summary>
    public BayesianSearch(ulong seed, IKernel? kernel = null, int initialRandomTrials = 4, int candidates = 2000, double xi = 0.01)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialRandomTrials);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(candidates);
        Seed = seed;
        Kernel = kernel ?? new Matern52Kernel();
        InitialRandomTrials = initialRandomTrials;
        Candidates = candidates;
        Xi = xi;
    }

    /// <summary>Seed of the random trials and candidates.</summary>
    public ulong Seed { get; }

    /// <summary>Kernel family (its length scale is re-fitted every trial).</summary>
    public IKernel Kernel { get; }

    /// <summary>Random trials before the model is used.</summary>
    public int InitialRandomTrials { get; }

    /// <summary>Candidates scored per trial.</summary>
    public int Candidates { get; }

    /// <summary>Exploration margin ξ of expected improvement (in standardised units of the objective's spread).</summary>
    public double Xi { get; }

    /// <inheritdoc />
    public Trial? Next(SearchSpace space, IReadOnlyList<TrialResult> history, bool maximize)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(history);
        var done = history.Where(h => double.IsFinite(h.Objective)).ToArray();
        if (done.Length < InitialRandomTrials)
        {
            return RandomSearch.Sample(space, Seed, history.Count);
        }
        var x = done.Select(h => h.Trial.Unit.ToArray()).ToArray();
        var y = done.Select(h => maximize ? h.Objective : -h.Objective).ToArray();
        var gp = GaussianProcess.FitBestLengthScale(x, y, Kernel, LengthScales, noise: 1e-4);
        var best = y.Max();
        var bestPoint = x[Array.IndexOf(y, best)];
        var spread = Math.Max(1e-12, Math.Sqrt(y.Sum(v => (v - y.Average()) * (v - y.Average())) / y.Length));
        var rng = new SampleKey(Seed, 1, history.Count).For(Stream);
        double[]? argmax = null;
        var bestEi = double.NegativeInfinity;
        var u = new double[space.Dimensions];
        for (var c = 0; c < Candidates; c++)
        {
            var local = c % 4 == 0;
            for (var d = 0; d < u.Length; d++)
            {
                u[d] = local ? Math.Clamp(bestPoint[d] + 0.1 * rng.NextGaussian(), 0, 1) : rng.NextDouble();
            }
            var snapped = space.Decode(history.Count, u).Unit.ToArray();
            var (mean, variance) = gp.Predict(snapped);
            var ei = ExpectedImprovement.Maximize(mean, Math.Sqrt(variance), best, Xi * spread);
            if (ei > bestEi)
            {
                bestEi = ei;
                argmax = snapped;
            }
        }
        return space.Decode(history.Count, argmax!);
    }
}
