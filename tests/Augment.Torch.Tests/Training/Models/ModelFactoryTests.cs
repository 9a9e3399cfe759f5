using System.Runtime.InteropServices;
using Augment.Core.Randomness;
using Augment.Torch.Training;
using Augment.Torch.Training.Data;
using Augment.Torch.Training.Models;
using Augment.Torch.Training.Optimizers;
using Augment.Torch.Training.Schedules;
using static TorchSharp.torch;

namespace Augment.Torch.Tests.Training.Models;

[Collection("torch")]
public class ModelFactoryTests
{
    [Theory]
    [InlineData(ModelKind.Cnn)]
    [InlineData(ModelKind.ResNet)]
    [InlineData(ModelKind.Mlp)]
    public void Create_ImageModels_OutputOneLogitPerClass(ModelKind kind)
    {
        using var model = ModelFactory.Create(kind, [3, 16, 16], 5, seed: 1);
        model.SetTraining(false);
        using var x = zeros(2, 3, 16, 16);
        using var y = model.forward(x);
        Assert.Equal([2L, 5L], y.shape);
    }

    [Fact]
    public void Create_SameSeed_SameWeights_OtherSeed_Different()
    {
        static float[] W(ulong seed) => [.. ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 3, seed).parameters().SelectMany(p => p.data<float>().ToArray())];
        Assert.Equal(W(4), W(4));
        Assert.NotEqual(W(4), W(5));
    }

    [Fact]
    public void Create_Init_IsUniformWithinOneOverSqrtFanIn()
    {
        using var model = ModelFactory.Create(ModelKind.Mlp, [100], 2, seed: 1, hidden: [50]);
        var fc1 = model.Backbone.named_children().Single(c => c.name == "fc1").module;
        var w = fc1.parameters().First().data<float>().ToArray();
        Assert.All(w, v => Assert.InRange(v, -0.1f, 0.1f));
        Assert.InRange(w.Select(v => (double)v * v).Average(), 0.1 * 0.1 / 3 * 0.9, 0.1 * 0.1 / 3 * 1.1); // variance of U(-b, b) is b²/3
    }

    [Fact]
    public void Create_GlorotInit_WeightsWithinGlorotBoundWithItsVariance_BiasesZero()
    {
        using var model = ModelFactory.Create(ModelKind.Cnn, [1, 28, 28], 10, seed: 1, options: new ModelOptions { Init = InitScheme.Glorot, Padding = ConvPadding.Same });
        var checkedLayers = 0;
        foreach (var (name, module) in model.named_modules())
        {
            var parameters = module.named_parameters(recurse: false).ToDictionary(p => p.name, p => p.parameter);
            if (!parameters.TryGetValue("weight", out var weight))
            {
                continue;
            }
            var bound = ParameterInit.GlorotBound(weight.shape);
            var w = weight.data<float>().ToArray();
            Assert.All(w, v => Assert.InRange((double)v, -bound, bound));
            if (w.Length >= 1000)
            {
                var variance = w.Select(v => (double)v * v).Average();
                Assert.InRange(variance, bound * bound / 3 * 0.9, bound * bound / 3 * 1.1); // U(-b, b): b²/3
                Assert.True(w.Max() > bound * 0.95 && w.Min() < -bound * 0.95, $"{name}: draws do not fill [-{bound}, {bound}]");
            }
            Assert.All(parameters["bias"].data<float>().ToArray(), v => Assert.Equal(0f, v));
            checkedLayers++;
        }
        Assert.Equal(4, checkedLayers); // conv1, conv2, fc1, head
    }

    [Fact]
    public void GlorotBound_ConvAndLinear_FollowFanInPlusFanOut()
    {
        Assert.Equal(Math.Sqrt(6.0 / ((32 + 1) * 9)), ParameterInit.GlorotBound([32, 1, 3, 3]), 12);
        Assert.Equal(Math.Sqrt(6.0 / (128 + 3136)), ParameterInit.GlorotBound([128, 3136]), 12);
    }

    [Fact]
    public void Create_GlorotInit_DiffersFromTorchInit_SameSeedStillReproducible()
    {
        static float[] W(InitScheme init) => [.. ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 3, 4, options: new ModelOptions { Init = init }).parameters().SelectMany(p => p.data<float>().ToArray())];
        Assert.Equal(W(InitScheme.Glorot), W(InitScheme.Glorot));
        Assert.NotEqual(W(InitScheme.Torch), W(InitScheme.Glorot));
    }

    [Fact]
    public void Create_CnnSamePadding_Keeps28x28UntilPooling_64x7x7Features()
    {
        using var same = ModelFactory.Create(ModelKind.Cnn, [1, 28, 28], 10, seed: 1, options: new ModelOptions { Padding = ConvPadding.Same });
        using var valid = ModelFactory.Create(ModelKind.Cnn, [1, 28, 28], 10, seed: 1);
        static long[] Fc1(ClassifierNet m) => m.Backbone.named_children().Single(c => c.name == "fc1").module.parameters().First().shape;
        Assert.Equal([128L, 64L * 7 * 7], Fc1(same));
        Assert.Equal([128L, 64L * 5 * 5], Fc1(valid));
        same.SetTraining(false);
        using var x = zeros(3, 1, 28, 28);
        using var y = same.forward(x);
        Assert.Equal([3L, 10L], y.shape);
    }

    [Fact]
    public void Create_SamePaddingOnResNet_ThrowsNamingTheOption()
    {
        var ex = Assert.Throws<ArgumentException>(() => ModelFactory.Create(ModelKind.ResNet, [1, 28, 28], 10, seed: 1, options: new ModelOptions { Padding = ConvPadding.Same }));
        Assert.Contains("--padding", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextCnn_TokenIds_LearnsKeywordClasses()
    {
        // Class 1 sequences contain token 7, class 0 sequences never do.
        const int n = 64, length = 12;
        var tokens = new long[n * length];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            var rng = new SampleKey(1, 0, i).For(3);
            labels[i] = i % 2;
            for (var t = 0; t < length; t++)
            {
                tokens[i * length + t] = 8 + rng.NextInt(40);
            }
            if (labels[i] == 1)
            {
                tokens[i * length + rng.NextInt(length)] = 7;
            }
        }
        var source = new ArraySampleSource(MemoryMarshal.AsBytes(tokens.AsSpan()).ToArray(), labels, [length], SampleElementType.Int64, 2);
        var model = ModelFactory.Create(ModelKind.TextCnn, source.SampleShape, 2, seed: 1, vocabularySize: 50);
        using var opt = OptimizerFactory.Create(model, new OptimizerOptions { LearningRate = 1e-2 });
        var result = await new Trainer(new TrainerOptions { Epochs = 6, BatchSize = 16 }).FitAsync(model, source, source, opt, new ConstantSchedule(1e-2));
        Assert.True(result.History[^1].ValAccuracy > 0.9, $"accuracy {result.History[^1].ValAccuracy}");
    }

    [Fact]
    public async Task Mlp_Float32Features_LearnsLinearRule()
    {
        const int n = 128;
        var features = new float[n * 4];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            var rng = new SampleKey(2, 0, i).For(5);
            for (var f = 0; f < 4; f++)
            {
                features[i * 4 + f] = (float)rng.Uniform(-1, 1);
            }
            labels[i] = features[i * 4] + features[i * 4 + 1] > 0 ? 1 : 0;
        }
        var source = new ArraySampleSource(MemoryMarshal.AsBytes(features.AsSpan()).ToArray(), labels, [4], SampleElementType.Float32, 2);
        var model = ModelFactory.Create(ModelKind.Mlp, source.SampleShape, 2, seed: 1, hidden: [16]);
        using var opt = OptimizerFactory.Create(model, new OptimizerOptions { Kind = OptimizerKind.Sgd, LearningRate = 0.1, Nesterov = true });
        var result = await new Trainer(new TrainerOptions { Epochs = 15, BatchSize = 16 }).FitAsync(model, source, source, opt, new ConstantSchedule(0.1));
        Assert.True(result.History[^1].ValAccuracy > 0.9, $"accuracy {result.History[^1].ValAccuracy}");
    }
}
