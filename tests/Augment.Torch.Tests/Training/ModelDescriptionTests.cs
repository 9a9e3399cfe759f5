using System.Text.Json;
using Augment.Torch.Training;
using Augment.Torch.Training.Data;
using Augment.Torch.Training.Models;

namespace Augment.Torch.Tests.Training;

[Collection("torch")]
public sealed class ModelDescriptionTests : IDisposable
{
    private const string Valid = """{"format_version": 1, "kind": "cnn", "sample_shape": [1, 12, 12], "class_count": 4, "init": "glorot", "padding": "same", "normalize": "0.25/0.5"}""";

    private readonly string _dir = Directory.CreateTempSubdirectory("augment-description-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ClassifierNet SameCnn(ulong seed) =>
        ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 4, seed, options: new ModelOptions { Init = InitScheme.Glorot, Padding = ConvPadding.Same });

    private string WriteDescription(string json)
    {
        var model = Path.Combine(_dir, "x.model");
        File.WriteAllText(ModelDescription.PathFor(model), json);
        return model;
    }

    [Fact]
    public void Of_CnnWithOptionsAndNormalization_DescribesEveryField()
    {
        using var model = SameCnn(1);
        var d = ModelDescription.Of(model, [1, 12, 12], new InputNormalization([0.25f], [0.5f]));
        Assert.Equal(ModelDescription.CurrentFormatVersion, d.FormatVersion);
        Assert.Equal("cnn", d.Kind);
        Assert.Equal([1, 12, 12], d.SampleShape);
        Assert.Equal(4, d.ClassCount);
        Assert.Equal(InitScheme.Glorot, d.Init);
        Assert.Equal(ConvPadding.Same, d.Padding);
        Assert.Equal("0.25/0.5", d.Normalize);
        using var mlp = ModelFactory.Create(ModelKind.Mlp, [3], 2, 1, hidden: [4]);
        var plain = ModelDescription.Of(mlp, [3], null);
        Assert.Equal(ConvPadding.Valid, plain.Padding);
        Assert.Null(plain.Normalize);
    }

    [Fact]
    public void Save_WritesPlainStateDictAndSnakeCaseJson_LoadRoundTrips()
    {
        using var model = SameCnn(1);
        var path = Path.Combine(_dir, "sub", "best.model");
        var d = ModelDescription.Of(model, [1, 12, 12], InputNormalization.FashionMnist);
        d.Save(model, path);

        using var fresh = SameCnn(2);
        fresh.load(path); // a plain TorchSharp state dict
        Assert.Equal(TrainerTests.Weights(model), TrainerTests.Weights(fresh));
        Assert.Equal(["best.model", "best.model.json"], Directory.GetFiles(Path.Combine(_dir, "sub")).Select(Path.GetFileName).Order());

        using var json = JsonDocument.Parse(File.ReadAllText(path + ".json"));
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("format_version").GetInt32());
        Assert.Equal("cnn", root.GetProperty("kind").GetString());
        Assert.Equal([1, 12, 12], root.GetProperty("sample_shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(4, root.GetProperty("class_count").GetInt32());
        Assert.Equal("glorot", root.GetProperty("init").GetString());
        Assert.Equal("same", root.GetProperty("padding").GetString());
        Assert.Equal("0.286/0.353", root.GetProperty("normalize").GetString());

        var loaded = ModelDescription.Load(path)!;
        Assert.Equal(d with { SampleShape = loaded.SampleShape }, loaded);
        Assert.Equal(d.SampleShape, loaded.SampleShape);
    }

    [Fact]
    public void Load_NoDescription_ReturnsNull() => Assert.Null(ModelDescription.Load(Path.Combine(_dir, "old.model")));

    [Fact]
    public void Load_ValidHandWrittenFile_Parses()
    {
        var d = ModelDescription.Load(WriteDescription(Valid))!;
        Assert.Equal(ConvPadding.Same, d.Padding);
        Assert.Equal(InitScheme.Glorot, d.Init);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("""{"format_version": 2, "kind": "cnn", "sample_shape": [1, 12, 12], "class_count": 4, "init": "torch", "padding": "valid"}""")]
    [InlineData("""{"kind": "cnn", "sample_shape": [1, 12, 12], "init": "torch", "padding": "valid"}""")]
    [InlineData("""{"kind": "cnn", "sample_shape": [1, 12, 12], "class_count": 4, "init": "torch", "padding": "full"}""")]
    [InlineData("""{"kind": "cnn", "sample_shape": [1, 12, 12], "class_count": 4, "init": "torch", "padding": 1}""")]
    [InlineData("""{"kind": "cnn", "sample_shape": [], "class_count": 4, "init": "torch", "padding": "valid"}""")]
    [InlineData("""{"kind": "", "sample_shape": [1, 12, 12], "class_count": 4, "init": "torch", "padding": "valid"}""")]
    [InlineData("""{"kind": "cnn", "sample_shape": [1, 12, 12], "class_count": 1, "init": "torch", "padding": "valid"}""")]
    [InlineData("""{"kind": "cnn", "sample_shape": [1, 12, 12], "class_count": 4, "init": "torch", "padding": "valid", "normalize": "0.5"}""")]
    public void Load_CorruptDescription_ThrowsNamingTheFile(string json)
    {
        var model = WriteDescription(json);
        var ex = Assert.Throws<InvalidDataException>(() => ModelDescription.Load(model));
        Assert.Contains("x.model.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireArchitecture_OtherPaddingKindOrClasses_ThrowsNamingOptionAndFile()
    {
        var model = WriteDescription(Valid);
        var saved = ModelDescription.Load(model)!;
        using var same = SameCnn(1);
        saved.RequireArchitecture(same, model, "--init-classes"); // matches

        using var valid = ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 4, 1);
        var ex = Assert.Throws<ArgumentException>(() => saved.RequireArchitecture(valid, model, "--init-classes"));
        Assert.Equal($"--padding: valid, but {model} was trained with same (x.model.json)", ex.Message);

        using var resnet = ModelFactory.Create(ModelKind.ResNet, [1, 12, 12], 4, 1);
        Assert.StartsWith("--model: resnet, but ", Assert.Throws<ArgumentException>(() => saved.RequireArchitecture(resnet, model, null)).Message, StringComparison.Ordinal);

        using var five = ModelFactory.Create(ModelKind.Cnn, [1, 12, 12], 5, 1, options: new ModelOptions { Padding = ConvPadding.Same });
        Assert.StartsWith("--init-classes: 5 classes, but ", Assert.Throws<ArgumentException>(() => saved.RequireArchitecture(five, model, "--init-classes")).Message, StringComparison.Ordinal);
        saved.RequireArchitecture(five, model, null); // head not loaded: its size does not matter
    }

    [Fact]
    public void RequireNormalization_ComparesValuesNotSpelling()
    {
        var model = WriteDescription(Valid);
        var saved = ModelDescription.Load(model)!;
        saved.RequireNormalization(InputNormalization.Parse("0.250/0.50"), model);
        var ex = Assert.Throws<ArgumentException>(() => saved.RequireNormalization(null, model));
        Assert.Equal($"--normalize: none, but {model} was trained with 0.25/0.5 (x.model.json)", ex.Message);
        Assert.Throws<ArgumentException>(() => saved.RequireNormalization(InputNormalization.FashionMnist, model));
    }
}
