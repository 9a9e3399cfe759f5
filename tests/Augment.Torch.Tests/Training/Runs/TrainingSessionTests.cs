using Augment.Torch.Training;
using Augment.Torch.Training.Data;
using Augment.Torch.Training.EarlyStopping;
using Augment.Torch.Training.Models;
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

    /// <summary>Trains a 'same'-padding CNN with normalisation 0.3/0.2 on 4 synthetic classes; returns its outcome and final.model.</summary>
    private async Task<(RunOutcome Outcome, string FinalModel)> TrainSource()
    {
        var dir = Path.Combine(_dir, "source");
        var spec = new RunSpec
        {
            Normalize = "0.3/0.2",
            ModelOptions = new ModelOptions { Init = InitScheme.Glorot, Padding = ConvPadding.Same },
            ValidationFraction = 0.2,
            Optimizer = new OptimizerOptions { LearningRate = 3e-3 },
            Trainer = new TrainerOptions { Epochs = 2, BatchSize = 16, Seed = 2, CheckpointDirectory = dir },
        };
        var outcome = await TrainingSession.RunAsync(spec, Synthetic.Images(120, 1), Synthetic.Images(40, 5));
        return (outcome, Path.Combine(dir, "final.model"));
    }

    /// <summary>Fine-tuning that leaves the weights as they are (SGD at 1e-12, no momentum): test metrics show what the model saw.</summary>
    private static RunSpec Frozen(string initFrom) => new()
    {
        InitFrom = initFrom,
        ValidationFraction = 0.2,
        Optimizer = new OptimizerOptions { Kind = OptimizerKind.Sgd, Momentum = 0, LearningRate = 1e-12 },
        Trainer = new TrainerOptions { Epochs = 1, BatchSize = 16, Seed = 2 },
    };

    [Fact]
    public async Task RunAsync_WithCheckpoints_WritesFinalModelDescription()
    {
        var (outcome, final) = await TrainSource();
        var d = ModelDescription.Load(final)!;
        Assert.Equal(outcome.Model with { SampleShape = d.SampleShape }, d);
        Assert.Equal(("cnn", 4, InitScheme.Glorot, ConvPadding.Same, "0.3/0.2"), (d.Kind, d.ClassCount, d.Init, d.Padding, d.Normalize));
        Assert.Equal([1, 12, 12], d.SampleShape);
    }

    [Fact]
    public async Task RunAsync_InitFromWithoutPaddingOrNormalize_TakesThemFromTheDescription()
    {
        var (source, final) = await TrainSource();
        var outcome = await TrainingSession.RunAsync(Frozen(final), Synthetic.Images(120, 1), Synthetic.Images(40, 5));
        Assert.Equal(ConvPadding.Same, outcome.Model.Padding);
        Assert.Equal("0.3/0.2", outcome.Normalization?.ToString());
        Assert.Equal(source.Test.Accuracy(), outcome.Test.Accuracy());
        Assert.Equal(source.TestLoss, outcome.TestLoss, 5); // same weights, same inputs
    }

    [Fact]
    public async Task RunAsync_InitFromOnDataWithOtherClassCount_ReplacesTheHeadWithoutInitClasses()
    {
        var (_, final) = await TrainSource();
        var outcome = await TrainingSession.RunAsync(Frozen(final), Synthetic.Images(90, 1, classes: 3), Synthetic.Images(30, 5, classes: 3));
        Assert.Equal(3, outcome.Model.ClassCount);
        Assert.Equal(3, outcome.Test.ClassCount);
    }

    [Theory]
    [InlineData("--normalize")]
    [InlineData("--padding")]
    [InlineData("--model")]
    [InlineData("--init-classes")]
    public async Task RunAsync_InitFromWithConflictingOption_ThrowsNamingOptionAndFile(string option)
    {
        var (_, final) = await TrainSource();
        var spec = option switch
        {
            "--normalize" => Frozen(final) with { Normalize = "none" },
            "--padding" => Frozen(final) with { ModelOptions = new ModelOptions { Padding = ConvPadding.Valid } },
            "--model" => Frozen(final) with { Model = "resnet" },
            _ => Frozen(final) with { InitFromClasses = 10 },
        };
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => TrainingSession.RunAsync(spec, Synthetic.Images(120, 1), Synthetic.Images(40, 5)));
        Assert.StartsWith(option + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"{final} was trained with", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("(final.model.json)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InitFromWithoutDescription_LoadsWithExplicitOptions()
    {
        var (source, final) = await TrainSource();
        File.Delete(ModelDescription.PathFor(final)); // a checkpoint written before descriptions existed
        var spec = Frozen(final) with { Normalize = "0.3/0.2", ModelOptions = new ModelOptions { Padding = ConvPadding.Same } };
        var outcome = await TrainingSession.RunAsync(spec, Synthetic.Images(120, 1), Synthetic.Images(40, 5));
        Assert.Equal(source.TestLoss, outcome.TestLoss, 5);
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => TrainingSession.RunAsync(Frozen(final), Synthetic.Images(120, 1), Synthetic.Images(40, 5)));
        Assert.StartsWith(final + ": ", ex.Message, StringComparison.Ordinal); // as before: valid padding, a shape error naming the file
        Assert.Contains("shape", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InitFromWithCorruptDescription_ThrowsNamingTheFile()
    {
        var (_, final) = await TrainSource();
        File.WriteAllText(ModelDescription.PathFor(final), "{\"kind\": ");
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => TrainingSession.RunAsync(Frozen(final), Synthetic.Images(120, 1), Synthetic.Images(40, 5)));
        Assert.StartsWith(ModelDescription.PathFor(final) + ": ", ex.Message, StringComparison.Ordinal);
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
