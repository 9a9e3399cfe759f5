using Augment.Torch.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Augment.Torch.Tests.Training.Models;

[Collection("torch")]
public class ClassifierNetDropoutTests
{
    private const int Features = 4096;

    /// <summary>A network whose backbone passes its input through and whose head sums it (logit 0) and reads feature 0
    /// (logit 1): the logits show how many features the dropout kept and how it scaled them.</summary>
    private static ClassifierNet Net(double p)
    {
        var net = new ClassifierNet("probe", nn.Flatten(), Features, 2, new ModelOptions { Dropout = p });
        using (no_grad())
        {
            var weight = zeros(2, Features);
            weight[0] = ones(Features);
            weight[1, 0] = tensor(1f);
            foreach (var (name, parameter) in net.Head.named_parameters())
            {
                parameter.copy_(name == "weight" ? weight : zeros_like(parameter));
            }
        }
        return net;
    }

    private static float[] Logits(ClassifierNet net, bool training, ulong key, int rows = 8)
    {
        net.SetTraining(training);
        net.SeedDropout(key);
        using var x = ones(rows, Features);
        using (no_grad())
        {
            using var y = net.forward(x);
            return y.data<float>().ToArray();
        }
    }

    [Fact]
    public void Forward_Evaluation_IgnoresDropout()
    {
        using var net = Net(0.5);
        var logits = Logits(net, training: false, key: 1);
        for (var r = 0; r < 8; r++)
        {
            Assert.Equal(Features, logits[2 * r]);
            Assert.Equal(1f, logits[(2 * r) + 1]);
        }
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    public void Forward_Training_KeepsAbout1MinusPOfTheFeaturesScaledBy1Over1MinusP(double p)
    {
        using var net = Net(p);
        var logits = Logits(net, training: true, key: 11);
        var scale = 1 / (1 - p);
        var keptFeature0 = 0;
        for (var r = 0; r < 8; r++)
        {
            var kept = logits[2 * r] / scale;
            Assert.True(Math.Abs(kept - Math.Round(kept)) < 0.05, $"{kept} features kept"); // each kept one scaled by 1/(1-p)
            Assert.InRange(kept / Features, 1 - p - 0.03, 1 - p + 0.03);
            var first = logits[(2 * r) + 1];
            Assert.True(first == 0 || Math.Abs(first - scale) < 1e-5, $"feature 0 became {first}");
            keptFeature0 += first == 0 ? 0 : 1;
        }
        Assert.InRange(keptFeature0, 1, 7); // masks differ between rows
    }

    [Fact]
    public void Forward_SameKey_SameMask_OtherKey_OtherMask()
    {
        using var net = Net(0.5);
        var a = Logits(net, training: true, key: 7);
        var b = Logits(net, training: true, key: 7);
        var c = Logits(net, training: true, key: 8);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Forward_NoDropout_TrainingEqualsEvaluation()
    {
        using var net = Net(0);
        Assert.Equal(Logits(net, training: false, key: 3), Logits(net, training: true, key: 3));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void Create_DropoutOutsideZeroToOne_ThrowsNamingTheOption(double p)
    {
        var ex = Assert.Throws<ArgumentException>(() => ModelFactory.Create(ModelKind.Mlp, [8], 2, seed: 1, options: new ModelOptions { Dropout = p }));
        Assert.Contains("--dropout", ex.Message, StringComparison.Ordinal);
    }
}
