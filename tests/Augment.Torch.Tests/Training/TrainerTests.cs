using Augment.Torch.Training;
using Augment.Torch.Training.Data;
using Augment.Torch.Training.EarlyStopping;
using Augment.Torch.Training.Models;
using Augment.Torch.Training.Optimizers;
using Augment.Torch.Training.Schedules;

namespace Augment.Torch.Tests.Training;

[Collection("torch")]
public sealed class TrainerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-trainer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(TrainingResult Result, ClassifierNet Model)> Train(TrainerOptions options, ClassifierNet? model = null, OptimizerKind kind = OptimizerKind.Adam)
    {
        var train = Synthetic.Images(96, 1);
        var val = Synthetic.Images(40, 2);
        model ??= ModelFactory.Create(ModelKind.Cnn, train.SampleShape, train.ClassCount, seed: 5);
        using var optimizer = OptimizerFactory.Create(model, new OptimizerOptions { Kind = kind, LearningRate = 3e-3, WeightDecay = 1e-4 });
        var schedule = new ExponentialDecaySchedule(3e-3, 0.1);
        var result = await new Trainer(options).FitAsync(model, train, val, optimizer, schedule);
        return (result, model);
    }

    [Fact]
    public async Task FitAsync_SyntheticImages_LearnsWellAboveChance()
    {
        var (result, _) = await Train(new TrainerOptions { Epochs = 4, BatchSize = 16, Seed = 3 });
        Assert.Equal(4, result.History.Count);
        Assert.True(result.History[^1].ValAccuracy > 0.9, $"val accuracy {result.History[^1].ValAccuracy}");
        Assert.True(result.History[^1].TrainLoss < result.History[0].TrainLoss);
        Assert.Equal(3e-3 * Math.Exp(-0.3), result.History[^1].LearningRate, 12);
    }

    [Fact]
    public async Task FitAsync_WithNormalization_TrainsAndValidatesOnNormalisedInputs()
    {
        var norm = new InputNormalization([0.35f], [0.25f]);
        var options = new TrainerOptions { Epochs = 2, BatchSize = 16, Seed = 3, Normalization = norm };
        var (result, model) = await Train(options);
        var (plain, _) = await Train(options with { Normalization = null });
        Assert.NotEqual(plain.History[0].TrainLoss, result.History[0].TrainLoss); // the inputs differ
        Assert.True(result.History[^1].ValAccuracy > 0.9, $"val accuracy {result.History[^1].ValAccuracy}");
        var val = Synthetic.Images(40, 2);
        var (withNorm, _) = await Evaluator.EvaluateAsync(model, val, 16, 3, norm);
        var (without, _) = await Evaluator.EvaluateAsync(model, val, 16, 3);
        Assert.Equal(result.History[^1].ValLoss, withNorm, 6);
        Assert.NotEqual(withNorm, without, 3);
    }

    [Fact]
    public async Task FitAsync_NormalizationOnFloatFeatures_ThrowsNamingTheOption()
    {
        var table = new ArraySampleSource(new byte[4 * 2 * 4], [0, 1, 0, 1], [2], SampleElementType.Float32, 2);
        var model = ModelFactory.Create(ModelKind.Mlp, table.SampleShape, 2, seed: 1, hidden: [4]);
        using var optimizer = OptimizerFactory.Create(model, new OptimizerOptions());
        var trainer = new Trainer(new TrainerOptions { Epochs = 1, Normalization = InputNormalization.FashionMnist });
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => trainer.FitAsync(model, table, null, optimizer, new ConstantSchedule(1e-3)));
        Assert.Contains("--normalize", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FitAsync_SameSeed_IsBitIdentical()
    {
        var (a, ma) = await Train(new TrainerOptions { Epochs = 2, BatchSize = 16, Seed = 3 });
        var (b, mb) = await Train(new TrainerOptions { Epochs = 2, BatchSize = 16, Seed = 3, Workers = 3 });
        Assert.Equal(a.History.Select(h => h.TrainLoss), b.History.Select(h => h.TrainLoss));
        Assert.Equal(Weights(ma), Weights(mb));
    }

    [Fact]
    public async Task FitAsync_ResumeFromCheckpoint_MatchesUninterruptedRun()
    {
        var full = await Train(new TrainerOptions { Epochs = 4, BatchSize = 16, Seed = 9 }, kind: OptimizerKind.Sgd);
        var options = new TrainerOptions { Epochs = 4, BatchSize = 16, Seed = 9, CheckpointDirectory = _dir, Resume = true };
        var first = await Train(options with { StopAfterEpochs = 2 }, kind: OptimizerKind.Sgd);
        Assert.Equal(2, first.Result.History.Count);
        Assert.True(File.Exists(Path.Combine(_dir, "last.model")));
        Assert.True(File.Exists(Path.Combine(_dir, "best.model")));
        var freshModel = ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 4, seed: 123); // weights come from the checkpoint
        var resumed = await Train(options, freshModel, kind: OptimizerKind.Sgd);
        Assert.Equal(4, resumed.Result.History.Count);
        Assert.Equal(full.Result.History.Select(h => h.TrainLoss), resumed.Result.History.Select(h => h.TrainLoss));
        Assert.Equal(Weights(full.Model), Weights(resumed.Model));
    }

    [Fact]
    public async Task FitAsync_WithDropout_RepeatsAcrossWorkerCountsAndResumesExactly()
    {
        static ClassifierNet Model(ulong seed) => ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 4, seed: seed, options: new ModelOptions { Dropout = 0.5 });
        var full = await Train(new TrainerOptions { Epochs = 3, BatchSize = 32, Seed = 4 }, Model(5));
        var again = await Train(new TrainerOptions { Epochs = 3, BatchSize = 32, Seed = 4, Workers = 3 }, Model(5));
        var plain = await Train(new TrainerOptions { Epochs = 3, BatchSize = 32, Seed = 4 });
        Assert.Equal(Weights(full.Model), Weights(again.Model));
        Assert.NotEqual(Weights(full.Model), Weights(plain.Model)); // the masks did change the training
        var options = new TrainerOptions { Epochs = 3, BatchSize = 32, Seed = 4, CheckpointDirectory = _dir, Resume = true };
        await Train(options with { StopAfterEpochs = 1 }, Model(5));
        var resumed = await Train(options, Model(77));
        Assert.Equal(Weights(full.Model), Weights(resumed.Model));
    }

    [Fact]
    public async Task FitAsync_ResumeWithAdam_MatchesUninterruptedRun()
    {
        var full = await Train(new TrainerOptions { Epochs = 3, BatchSize = 32, Seed = 4 });
        var options = new TrainerOptions { Epochs = 3, BatchSize = 32, Seed = 4, CheckpointDirectory = _dir, Resume = true };
        await Train(options with { StopAfterEpochs = 1 });
        var resumed = await Train(options, ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 4, seed: 77));
        Assert.Equal(Weights(full.Model), Weights(resumed.Model));
    }

    [Fact]
    public async Task FitAsync_WithCheckpoints_WritesDescriptionBesideBestAndLast()
    {
        var norm = new InputNormalization([0.35f], [0.25f]);
        var model = ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 4, seed: 5, options: new ModelOptions { Init = InitScheme.Glorot, Padding = ConvPadding.Same });
        await Train(new TrainerOptions { Epochs = 1, BatchSize = 32, CheckpointDirectory = _dir, Normalization = norm }, model);
        foreach (var name in new[] { "best", "last" })
        {
            var d = ModelDescription.Load(Path.Combine(_dir, name + ".model"));
            Assert.NotNull(d);
            Assert.Equal(("cnn", 4, InitScheme.Glorot, ConvPadding.Same, "0.35/0.25"), (d.Kind, d.ClassCount, d.Init, d.Padding, d.Normalize));
            Assert.Equal([1, 12, 12], d.SampleShape);
        }
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Theory]
    [InlineData("normalize")]
    [InlineData("padding")]
    public async Task FitAsync_ResumeWithOtherNormalizationOrPadding_ThrowsNamingOptionAndFile(string changed)
    {
        var options = new TrainerOptions { Epochs = 3, BatchSize = 32, Seed = 4, CheckpointDirectory = _dir, Resume = true, Normalization = InputNormalization.FashionMnist };
        await Train(options with { StopAfterEpochs = 1 });
        var model = ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 4, seed: 4, options: new ModelOptions { Padding = changed == "padding" ? ConvPadding.Same : ConvPadding.Valid });
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Train(changed == "normalize" ? options with { Normalization = null } : options, model));
        Assert.StartsWith($"--{changed}: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("last.model was trained with", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("(last.model.json)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FitAsync_ResumeFromCheckpointWithoutDescription_StillResumes()
    {
        var options = new TrainerOptions { Epochs = 2, BatchSize = 32, Seed = 4, CheckpointDirectory = _dir, Resume = true };
        await Train(options with { StopAfterEpochs = 1 });
        File.Delete(Path.Combine(_dir, "last.model.json")); // as written before descriptions existed
        var resumed = await Train(options);
        Assert.Equal(2, resumed.Result.History.Count);
        Assert.True(File.Exists(Path.Combine(_dir, "last.model.json")));
    }

    [Fact]
    public async Task FitAsync_EarlyStoppingOnPlateau_StopsAndRestoresBest()
    {
        // A learning rate of ~0 after epoch 0 makes val_loss flat: patience 2 stops at epoch 2.
        var train = Synthetic.Images(64, 1);
        var model = ModelFactory.Create(ModelKind.Mlp, train.SampleShape, 4, seed: 1);
        using var optimizer = OptimizerFactory.Create(model, new OptimizerOptions { Kind = OptimizerKind.Sgd, LearningRate = 0.05 });
        var schedule = new MultiStepSchedule(0.05, [1], 1e-12);
        var options = new TrainerOptions
        {
            Epochs = 10, BatchSize = 16, EarlyStopping = new EarlyStoppingOptions { Patience = 2, MinDelta = 1e-3 },
        };
        var result = await new Trainer(options).FitAsync(model, train, Synthetic.Images(32, 2), optimizer, schedule);
        Assert.Equal(2, result.StoppedEarlyAt);
        Assert.Equal(3, result.History.Count);
        Assert.True(result.RestoredBest);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task FitAsync_ImbalancedData_BalancedSamplingOrClassWeights_RecallEveryClass(bool balanced, bool weighted)
    {
        var train = Synthetic.Images(0, 1, perClass: [60, 60, 6, 6]);
        var model = ModelFactory.Create(ModelKind.Cnn, train.SampleShape, 4, seed: 1);
        using var optimizer = OptimizerFactory.Create(model, new OptimizerOptions { LearningRate = 3e-3 });
        var options = new TrainerOptions
        {
            Epochs = 4, BatchSize = 16, BalancedSampling = balanced, ClassWeights = weighted ? ClassWeights.Balanced(train.ClassCounts()) : null,
        };
        var result = await new Trainer(options).FitAsync(model, train, Synthetic.Images(40, 2), optimizer, new ConstantSchedule(3e-3));
        Assert.True(result.History[^1].ValWorstRecall > 0.5, $"worst recall {result.History[^1].ValWorstRecall}");
    }

    internal static float[] Weights(ClassifierNet model) =>
        [.. model.parameters().SelectMany(p => p.data<float>().ToArray())];
}
