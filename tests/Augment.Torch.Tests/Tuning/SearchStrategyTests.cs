using Augment.Torch.Tuning;
using Augment.Torch.Tuning.Bayes;

namespace Augment.Torch.Tests.Tuning;

public class SearchStrategyTests
{
    private static readonly SearchSpace Space = new([
        ParameterSpec.Float("lr", 1e-4, 1e-1, log: true, gridPoints: 4),
        ParameterSpec.Choice("optimizer", "sgd", "adam"),
        ParameterSpec.Int("width", 8, 64, gridPoints: 3),
    ]);

    // A smooth objective with its minimum at lr = 1e-2, width = 40, optimizer = adam.
    private static double Objective(Trial t) =>
        Math.Pow(Math.Log10(t.GetDouble("lr")) + 2, 2) + Math.Pow((t.GetInt("width") - 40) / 56.0, 2) + (t.Get("optimizer") == "adam" ? 0 : 0.3);

    private static Task<TuningResult> Run(ISearchStrategy s, int trials) =>
        new Tuner(Space, s, maximize: false).RunAsync(trials, (t, _) => Task.FromResult(Objective(t)));

    [Fact]
    public async Task Grid_EnumeratesCartesianProduct()
    {
        var result = await Run(new GridSearch(), 1000);
        Assert.Equal(4 * 2 * 3, result.Trials.Count);
        Assert.Equal(24, result.Trials.Select(t => string.Join(",", t.Trial.Values.OrderBy(kv => kv.Key))).Distinct().Count());
        Assert.Equal("0.1", result.Trials[^1].Trial.Get("lr"));
    }

    [Fact]
    public async Task Random_SameSeed_SameTrials_WithinBounds()
    {
        var a = await Run(new RandomSearch(3), 20);
        var b = await Run(new RandomSearch(3), 20);
        Assert.Equal(a.Trials.Select(t => t.Trial.Get("lr")), b.Trials.Select(t => t.Trial.Get("lr")));
        Assert.All(a.Trials, t => Assert.InRange(t.Trial.GetDouble("lr"), 1e-4, 1e-1));
        Assert.All(a.Trials, t => Assert.InRange(t.Trial.GetInt("width"), 8, 64));
    }

    [Fact]
    public async Task Bayesian_BeatsRandomOnSmoothObjective()
    {
        double bayesSum = 0, randomSum = 0;
        for (ulong seed = 0; seed < 5; seed++)
        {
            var bayes = await Run(new BayesianSearch(seed, candidates: 500), 16);
            var random = await Run(new RandomSearch(seed), 16);
            Assert.True(bayes.Best!.Objective < 0.05, $"seed {seed}: bayesian best {bayes.Best.Objective}");
            bayesSum += bayes.Best.Objective;
            randomSum += random.Best!.Objective;
        }
        Assert.True(bayesSum * 3 < randomSum, $"mean best: bayesian {bayesSum / 5}, random {randomSum / 5}");
    }

    [Fact]
    public async Task Bayesian_FindsNearOptimum()
    {
        var result = await Run(new BayesianSearch(1, kernel: new RbfKernel(), candidates: 500), 20);
        Assert.True(result.Best!.Objective < 0.05, $"best {result.Best.Objective}");
    }

    [Fact]
    public async Task Tuner_FailingTrial_IsRecordedAndSkipped()
    {
        var result = await new Tuner(Space, new RandomSearch(1), maximize: true).RunAsync(3, (t, _) =>
            t.Index == 1 ? throw new InvalidOperationException("boom") : Task.FromResult((double)t.Index));
        Assert.Equal("boom", result.Trials[1].Error);
        Assert.Equal(2, result.Best!.Trial.Index);
    }

    [Fact]
    public void Space_DuplicateName_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SearchSpace([ParameterSpec.Float("a", 0, 1), ParameterSpec.Float("a", 0, 1)]));
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EncodeRoundTrips()
    {
        var p = ParameterSpec.Float("lr", 1e-4, 1e-1, log: true);
        Assert.Equal(0.25, p.Encode(p.Decode(0.25)), 12);
        Assert.Equal("0.0001", p.Decode(0));
        Assert.Equal("0.1", p.Decode(1));
    }
}
