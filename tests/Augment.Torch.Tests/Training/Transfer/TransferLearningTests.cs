using Augment.Torch.Training;
using Augment.Torch.Training.Models;
using Augment.Torch.Training.Optimizers;
using Augment.Torch.Training.Schedules;
using Augment.Torch.Training.Transfer;

namespace Augment.Torch.Tests.Training.Transfer;

[Collection("torch")]
public sealed class TransferLearningTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-transfer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static float[] Params(TorchSharp.torch.nn.Module m) => [.. m.parameters().SelectMany(p => p.data<float>().ToArray())];

    private static float[] State(TorchSharp.torch.nn.Module m) =>
        [.. m.state_dict().Values.Where(t => t.dtype == TorchSharp.torch.ScalarType.Float32).SelectMany(t => t.data<float>().ToArray())];

    private static async Task TrainOneEpoch(ClassifierNet model, double backboneScale = 1)
    {
        var data = Synthetic.Images(32, 1);
        using var opt = OptimizerFactory.Create(model, new OptimizerOptions { Kind = OptimizerKind.Sgd, LearningRate = 0.1, BackboneLearningRateScale = backboneScale });
        await new Trainer(new TrainerOptions { Epochs = 1, BatchSize = 16 }).FitAsync(model, data, null, opt, new ConstantSchedule(0.1));
    }

    [Fact]
    public async Task FreezeBackbone_AfterTraining_BackboneBitIdenticalHeadMoves()
    {
        var model = ModelFactory.Create(ModelKind.ResNet, [1, 12, 12], 4, seed: 2);
        TransferLearning.FreezeBackbone(model);
        var backbone = State(model.Backbone);
        var head = Params(model.Head);
        await TrainOneEpoch(model);
        Assert.Equal(backbone, State(model.Backbone)); // weights and batch-norm statistics
        Assert.NotEqual(head, Params(model.Head));
    }

    [Fact]
    public async Task FreezeFirst_FreezesOnlyLeadingLayers()
    {
        var model = ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 4, seed: 2);
        TransferLearning.FreezeFirst(model, 3); // conv1, relu1, pool1
        var children = model.Backbone.named_children().ToDictionary(c => c.name, c => c.module);
        var conv1 = Params(children["conv1"]);
        var conv2 = Params(children["conv2"]);
        await TrainOneEpoch(model);
        Assert.Equal(conv1, Params(children["conv1"]));
        Assert.NotEqual(conv2, Params(children["conv2"]));
    }

    [Fact]
    public void FreezeFirst_TooManyLayers_NamesTheLayers()
    {
        var model = ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 4, seed: 2);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => TransferLearning.FreezeFirst(model, 99));
        Assert.Contains("conv1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadWeightsAndReplaceHead_KeepsBackboneAndChangesClassCount()
    {
        var source = ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 4, seed: 2);
        await TrainOneEpoch(source);
        var path = Path.Combine(_dir, "source.model");
        source.save(path);

        var target = ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 4, seed: 99);
        TransferLearning.LoadWeights(target, path, skipHead: false);
        Assert.Equal(Params(source), Params(target));

        var fresh = ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 4, seed: 99);
        TransferLearning.LoadWeights(fresh, path, skipHead: true);
        Assert.Equal(Params(source.Backbone), Params(fresh.Backbone));
        var replaced = TransferLearning.ReplaceHead(fresh, 7, seed: 1);
        Assert.Equal(7, replaced.ClassCount);
        Assert.Equal(Params(source.Backbone), Params(replaced.Backbone));
        using var x = TorchSharp.torch.zeros(2, 1, 12, 12);
        using var y = replaced.forward(x);
        Assert.Equal([2L, 7L], y.shape);
    }

    [Fact]
    public void LoadWeights_OtherClassCount_ThrowsNamingFileAndShape()
    {
        var path = Path.Combine(_dir, "three.model");
        ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 3, seed: 2).save(path);
        var target = ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 10, seed: 2);
        var ex = Assert.Throws<ArgumentException>(() => TransferLearning.LoadWeights(target, path, skipHead: false));
        Assert.Contains("three.model", ex.Message, StringComparison.Ordinal);
        Assert.Contains("10 classes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadWeights_DescriptionOfOtherPadding_ThrowsNamingOptionAndFile()
    {
        var path = Path.Combine(_dir, "same.model");
        var same = ModelFactory.Create(ModelKind.Cnn, [1, 28, 28], 4, seed: 2, options: new ModelOptions { Padding = ConvPadding.Same });
        ModelDescription.Of(same, [1, 28, 28], null).Save(same, path);
        var valid = ModelFactory.Create(ModelKind.Cnn, [1, 28, 28], 4, seed: 2);
        var ex = Assert.Throws<ArgumentException>(() => TransferLearning.LoadWeights(valid, path, skipHead: true));
        Assert.Equal($"--padding: valid, but {path} was trained with same (same.model.json)", ex.Message);
        var other = ModelFactory.Create(ModelKind.Cnn, [1, 28, 28], 7, seed: 2, options: new ModelOptions { Padding = ConvPadding.Same });
        TransferLearning.LoadWeights(other, path, skipHead: true); // another head size is fine when the head is not loaded
        Assert.Equal(Params(same.Backbone), Params(other.Backbone));
    }

    [Fact]
    public void LowerBackboneRate_GivesTwoGroupsWithScaledRates()
    {
        var model = ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 4, seed: 2);
        using var opt = OptimizerFactory.Create(model, new OptimizerOptions { LearningRate = 1e-3, BackboneLearningRateScale = 0.1 });
        opt.SetLearningRate(2e-3);
        var lrs = opt.LearningRates();
        Assert.Equal(2, lrs.Length);
        Assert.Equal(2e-4, lrs[0], 15);
        Assert.Equal(2e-3, lrs[1], 15);
    }
}
