using Augment.Torch.Training;
using Augment.Torch.Training.Data;
using Augment.Torch.Training.EarlyStopping;
using Augment.Torch.Training.Optimizers;
using Augment.Torch.Training.Runs;
using Augment.Torch.Training.Schedules;

namespace Augment.Torch.Tests.Training.Runs;

[Collection("torch")]
public sealed class TrainingSessionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-session-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RunAsync_FashionMnistSubset_ImprovesWellAboveChance()
    {
        var (train, test) = DatasetResolver.Load("fashion-mnist");
        var spec = new RunSpec
        {
            Model = "cnn",
            TrainSize = 1000,
            ValidationFraction = 0.01,
            Optimizer = new OptimizerOptions { Kind = OptimizerKind.AdamW, LearningRate = 2e-3, WeightDecay = 1e-4 },
            Schedule = new ScheduleOptions { Kind = "cosine", WarmupEpochs = 0 },
            Trainer = new TrainerOptions { Epochs = 2, BatchSize = 64, Seed = 1, EarlyStopping = new EarlyStoppingOptions() },
        };
        var outcome = await TrainingSession.RunAsync(spec, train, test.Subset([.. Enumerable.Range(0, 1000)]));
        Assert.Equal(1000, outcome.TrainCount);
        Assert.True(outcome.Test.Accuracy() > 0.6, $"test accuracy {outcome.Test.Accuracy()}");
        Assert.True(outcome.Training.History[1].TrainLoss < outcome.Training.History[0].TrainLoss);
    }

    [Fact]
    public async Task RunAsync_KerasProtocol_NormalizeAutoGlorotSame_RecordsStatisticsAndTrains()
    {
        var data = Synthetic.Images(120, 1);
        var spec = new RunSpec
        {
            ValidationFraction = 0.2,
            Normalize = "auto",
            ModelOptions = new Augment.Torch.Training.Models.ModelOptions { Init = Augment.Torch.Training.Models.InitScheme.Glorot, Padding = Augment.Torch.Training.Models.ConvPadding.Same },
            Optimizer = new OptimizerOptions { LearningRate = 3e-3 },
            Trainer = new TrainerOptions { Epochs = 3, BatchSize = 16, Seed = 2 },
        };
        var outcome = await TrainingSession.RunAsync(spec, data, Synthetic.Images(40, 5));
        var (train, _) = DataPreparation.Prepare(data, 2, 0.2, null, [], 1);
        var expected = InputNormalization.FromData(train); // the training split's statistics, not the whole set's
        Assert.Equal(expected.Mean.ToArray(), outcome.Normalization!.Mean.ToArray());
        Assert.Equal(expected.Std.ToArray(), outcome.Normalization.Std.ToArray());
        Assert.InRange(outcome.Normalization.Mean[0], 0.25f, 0.5f);
        Assert.True(outcome.Test.Accuracy() > 0.8, $"test accuracy {outcome.Test.Accuracy()}");
    }

    [Fact]
    public async Task RunAsync_WithPipeline_AugmentsAndTrains()
    {
        var pipeline = Path.Combine(_dir, "aug.json");
        File.WriteAllText(pipeline, """{"nodes":[{"id":"crop","randomCrop":{"width":12,"height":12,"padding":1}}]}""");
        var data = Synthetic.Images(120, 1);
        var spec = new RunSpec
        {
            PipelinePath = pipeline,
            ValidationFraction = 0.2,
            Optimizer = new OptimizerOptions { LearningRate = 3e-3 },
            Trainer = new TrainerOptions { Epochs = 3, BatchSize = 16, CheckpointDirectory = _dir },
        };
        var outcome = await TrainingSession.RunAsync(spec, data, Synthetic.Images(40, 5));
        Assert.Equal(96, outcome.TrainCount);
        Assert.True(File.Exists(Path.Combine(_dir, "final.model")));
        Assert.True(outcome.Test.Accuracy() > 0.5, $"test accuracy {outcome.Test.Accuracy()}");
    }

    [Fact]
    public void Prepare_MinorityClasses_DownSamplesOnlyThose()
    {
        var data = Synthetic.Images(400, 1);
        var (train, val) = DataPreparation.Prepare(data, 3, 0.1, null, [2, 3], 0.1);
        var counts = train.ClassCounts();
        Assert.Equal(40, val!.Count);
        Assert.True(counts[0] > 80 && counts[1] > 80, string.Join(",", counts));
        Assert.InRange(counts[2], 8, 10);
        Assert.InRange(counts[3], 8, 10);
    }
}
