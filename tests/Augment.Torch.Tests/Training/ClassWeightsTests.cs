using Augment.Torch.Training;
using static TorchSharp.torch;

namespace Augment.Torch.Tests.Training;

[Collection("torch")]
public class ClassWeightsTests
{
    [Fact]
    public void Balanced_FollowsScikitLearnFormula()
    {
        // n = 100, C = 3: w_c = 100 / (3 n_c)
        var w = ClassWeights.Balanced([50, 40, 10]);
        Assert.Equal([100.0 / 150, 100.0 / 120, 100.0 / 30], w);
    }

    [Fact]
    public void Balanced_EmptyClass_GetsZero()
    {
        Assert.Equal([1.0, 0.0, 1.0], ClassWeights.Balanced([5, 0, 5]));
    }

    [Fact]
    public void WeightedCrossEntropy_EqualsWeightedMeanOfNegativeLogLikelihoods()
    {
        float[] logits = [2, 0, -1, 0.5f, 0.1f, 1, -2, 3, 0];
        long[] labels = [0, 2, 1];
        double[] w = [0.5, 2.0, 1.0];
        using var x = tensor(logits, [3, 3]);
        using var y = tensor(labels);
        using var wt = tensor(w.Select(v => (float)v).ToArray());
        var weighted = nn.functional.cross_entropy(x, y, wt).item<float>();
        var plain = nn.functional.cross_entropy(x, y).item<float>();
        double num = 0, den = 0;
        for (var i = 0; i < 3; i++)
        {
            var row = logits.AsSpan(i * 3, 3).ToArray();
            var logSum = Math.Log(row.Sum(v => Math.Exp(v)));
            var nll = logSum - row[labels[i]];
            num += w[labels[i]] * nll;
            den += w[labels[i]];
        }
        Assert.Equal(num / den, weighted, 5);
        Assert.NotEqual(plain, weighted, 3);
    }
}
