using System.CommandLine;
using System.Text.Json;
using Augment.Cli.Commands.Train;
using Spectre.Console;

namespace Augment.Cli.Tests.Train;

public sealed class TrainCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-cli-train-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static Task<int> Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(Commands.Tune.TuneCommand.Create());
        return root.Parse(args).InvokeAsync();
    }

    /// <summary>Runs `augment train` with its console captured (no wrapping), returning the exit code and the text.</summary>
    private static Task<(int Code, string Output)> RunCaptured(params string[] args) => CapturedConsole.Run(TrainCommand.Create, args);

    [Fact]
    public async Task Train_DropoutOutsideZeroToOne_ExitsTwoNamingTheOption()
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"));
        var output = Path.Combine(_dir, "run");
        var (code, text) = await RunCaptured("train", "--dataset", data, "--model", "mlp", "--epochs", "1", "--dropout", "1", "--out", output);
        Assert.Equal(2, code);
        Assert.Contains("--dropout: 1 is not a probability in [0, 1)", text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "metrics.json")));
    }

    [Fact]
    public async Task Train_WithDropout_RecordsItInMetrics()
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"));
        var output = Path.Combine(_dir, "run");
        var (code, text) = await RunCaptured("train", "--dataset", data, "--model", "mlp", "--epochs", "1", "--dropout", "0.3", "--out", output);
        Assert.True(code == 0, text);
        Assert.Equal(0.3, Metrics(output).GetProperty("dropout").GetDouble());
    }

    [Fact]
    public async Task Train_TinyDataset_WritesMetricsPlotAndCheckpoints()
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"));
        var output = Path.Combine(_dir, "run");
        var code = await Run("train", "--dataset", data, "--model", "cnn", "--epochs", "3", "--batch-size", "16", "--optimizer", "adamw",
            "--lr", "3e-3", "--weight-decay", "1e-4", "--schedule", "plateau", "--early-stopping", "10", "--val-fraction", "0.2", "--out", output);
        Assert.Equal(0, code);
        var csv = File.ReadAllLines(Path.Combine(output, "metrics.csv"));
        Assert.StartsWith("epoch,lr,train_loss,train_accuracy,val_loss,val_accuracy,val_macro_f1,val_worst_recall,seconds,val_recall_0", csv[0], StringComparison.Ordinal);
        Assert.Equal(4, csv.Length);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")));
        Assert.InRange(json.RootElement.GetProperty("test_accuracy").GetDouble(), 0.6, 1.0);
        Assert.Equal(3, json.RootElement.GetProperty("epochs").GetArrayLength());
        var png = File.ReadAllBytes(Path.Combine(output, "plot.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 5000);
        Assert.True(File.Exists(Path.Combine(output, "checkpoints", "best.model")));
        Assert.True(File.Exists(Path.Combine(output, "checkpoints", "last.json")));
    }

    [Fact]
    public async Task Train_Resume_ContinuesFromLastCheckpoint()
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"));
        var output = Path.Combine(_dir, "run");
        string[] common = ["train", "--dataset", data, "--batch-size", "16", "--lr", "3e-3", "--out", output, "--resume"];
        Assert.Equal(0, await Run([.. common, "--epochs", "1"]));
        Assert.Equal(0, await Run([.. common, "--epochs", "2"]));
        var csv = File.ReadAllLines(Path.Combine(output, "metrics.csv"));
        Assert.Equal(["0", "1"], csv[1..].Select(l => l.Split(',')[0]));
    }

    [Fact]
    public async Task Train_TransferFromSavedModel_FreezesBackboneAndReplacesHead()
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"));
        var source = Path.Combine(_dir, "source");
        Assert.Equal(0, await Run("train", "--dataset", data, "--epochs", "2", "--batch-size", "16", "--lr", "3e-3", "--out", source));
        var saved = Path.Combine(source, "checkpoints", "final.model");
        var target = Path.Combine(_dir, "target");
        var code = await Run("train", "--dataset", data, "--epochs", "1", "--batch-size", "16", "--init-from", saved, "--init-classes", "5",
            "--freeze", "backbone", "--backbone-lr-scale", "0.1", "--out", target);
        Assert.Equal(2, code); // the saved model has a 10-logit head (IDX data has 10 classes), not 5: a clear error
        code = await Run("train", "--dataset", data, "--epochs", "1", "--batch-size", "16", "--init-from", saved,
            "--freeze", "backbone", "--out", target);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "metrics.json")));
        Assert.InRange(json.RootElement.GetProperty("test_accuracy").GetDouble(), 0.6, 1.0); // starts from trained features
    }

    /// <summary>Trains 2 epochs with --init glorot --padding same --normalize 0.25/0.5 into <paramref name="name"/>; returns the folder.</summary>
    private async Task<string> TrainSameNormalized(string data, string name = "run")
    {
        var output = Path.Combine(_dir, name);
        var code = await Run("train", "--dataset", data, "--epochs", "2", "--batch-size", "16", "--lr", "3e-3", "--init", "glorot",
            "--padding", "same", "--normalize", "0.25/0.5", "--out", output);
        Assert.Equal(0, code);
        return output;
    }

    /// <summary>`augment train --init-from` that keeps the weights as they are (SGD at 1e-12, no momentum), plus <paramref name="extra"/>.</summary>
    private static string[] FineTuneFrozen(string data, string initFrom, string output, params string[] extra) =>
        ["train", "--dataset", data, "--epochs", "1", "--batch-size", "16", "--optimizer", "sgd", "--momentum", "0", "--lr", "1e-12",
         "--init-from", initFrom, "--out", output, .. extra];

    private static JsonElement Metrics(string folder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")));
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task Train_InitPaddingNormalize_AreUsedRecordedAndDescribedBesideEveryCheckpoint()
    {
        var output = await TrainSameNormalized(TinyIdxDataset.Write(Path.Combine(_dir, "data")));
        var json = Metrics(output);
        Assert.Equal("glorot", json.GetProperty("init").GetString());
        Assert.Equal("same", json.GetProperty("padding").GetString());
        Assert.Equal("0.25/0.5", json.GetProperty("normalize").GetString());
        Assert.InRange(json.GetProperty("test_accuracy").GetDouble(), 0.6, 1.0);
        foreach (var name in new[] { "best", "last", "final" })
        {
            var path = Path.Combine(output, "checkpoints", name + ".model.json");
            Assert.True(File.Exists(Path.Combine(output, "checkpoints", name + ".model")), name);
            using var description = JsonDocument.Parse(File.ReadAllText(path));
            var d = description.RootElement;
            Assert.Equal(1, d.GetProperty("format_version").GetInt32());
            Assert.Equal("cnn", d.GetProperty("kind").GetString());
            Assert.Equal([1, 12, 12], d.GetProperty("sample_shape").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(10, d.GetProperty("class_count").GetInt32()); // IDX data has 10 classes
            Assert.Equal("glorot", d.GetProperty("init").GetString());
            Assert.Equal("same", d.GetProperty("padding").GetString());
            Assert.Equal("0.25/0.5", d.GetProperty("normalize").GetString());
        }
        Assert.Empty(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Train_InitFromWithoutPaddingOrNormalize_TakesThemFromTheDescription()
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"));
        var source = await TrainSameNormalized(data, "source");
        var target = Path.Combine(_dir, "target");
        var (code, text) = await RunCaptured(FineTuneFrozen(data, Path.Combine(source, "checkpoints", "final.model"), target));
        Assert.True(code == 0, text);
        var (before, after) = (Metrics(source), Metrics(target));
        Assert.Equal("same", after.GetProperty("padding").GetString());
        Assert.Equal("0.25/0.5", after.GetProperty("normalize").GetString());
        Assert.Equal("cnn", after.GetProperty("model").GetString());
        Assert.Equal(before.GetProperty("test_accuracy").GetDouble(), after.GetProperty("test_accuracy").GetDouble()); // same weights, same inputs
        Assert.Equal(before.GetProperty("test_loss").GetDouble(), after.GetProperty("test_loss").GetDouble(), 5);
        using var description = JsonDocument.Parse(File.ReadAllText(Path.Combine(target, "checkpoints", "final.model.json")));
        Assert.Equal("0.25/0.5", description.RootElement.GetProperty("normalize").GetString());
    }

    [Theory]
    [InlineData("--padding", "valid", "--padding: valid, but {0} was trained with same (final.model.json)")]
    [InlineData("--normalize", "none", "--normalize: none, but {0} was trained with 0.25/0.5 (final.model.json)")]
    [InlineData("--normalize", "fashion-mnist", "--normalize: 0.286/0.353, but {0} was trained with 0.25/0.5 (final.model.json)")]
    [InlineData("--model", "resnet", "--model: resnet, but {0} was trained with cnn (final.model.json)")]
    [InlineData("--init-classes", "5", "--init-classes: 5 classes, but {0} was trained with 10 classes (final.model.json)")]
    public async Task Train_InitFromWithConflictingOption_ExitsTwoNamingOptionAndFile(string option, string value, string message)
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"));
        var saved = Path.Combine(await TrainSameNormalized(data, "source"), "checkpoints", "final.model");
        var target = Path.Combine(_dir, "target");
        var (code, text) = await RunCaptured(FineTuneFrozen(data, saved, target, option, value));
        Assert.Equal(2, code);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, saved), text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(target, "metrics.json")));
    }

    [Fact]
    public async Task Train_InitFromWithoutDescription_StillLoadsWithExplicitOptions()
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"));
        var source = await TrainSameNormalized(data, "source");
        var saved = Path.Combine(source, "checkpoints", "final.model");
        File.Delete(saved + ".json"); // as written before descriptions existed
        var target = Path.Combine(_dir, "target");
        var (code, text) = await RunCaptured(FineTuneFrozen(data, saved, target, "--padding", "same", "--normalize", "0.25/0.5"));
        Assert.True(code == 0, text);
        Assert.Equal(Metrics(source).GetProperty("test_loss").GetDouble(), Metrics(target).GetProperty("test_loss").GetDouble(), 5);
    }

    [Theory]
    [InlineData("{\"kind\": \"cnn\"")]
    [InlineData("{\"format_version\": 7, \"kind\": \"cnn\", \"sample_shape\": [1, 12, 12], \"class_count\": 10, \"init\": \"torch\", \"padding\": \"same\"}")]
    public async Task Train_InitFromWithCorruptDescription_ExitsTwoNamingTheFile(string json)
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"));
        var saved = Path.Combine(await TrainSameNormalized(data, "source"), "checkpoints", "final.model");
        File.WriteAllText(saved + ".json", json);
        var (code, text) = await RunCaptured(FineTuneFrozen(data, saved, Path.Combine(_dir, "target")));
        Assert.Equal(2, code);
        Assert.Contains($"error: {saved}.json: not a readable model description", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_ResumeWithOtherNormalize_ExitsTwoNamingOptionAndFile()
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"));
        var output = Path.Combine(_dir, "run");
        string[] common = ["train", "--dataset", data, "--batch-size", "16", "--lr", "3e-3", "--out", output, "--resume", "--normalize", "0.25/0.5"];
        Assert.Equal(0, await Run([.. common, "--epochs", "1"]));
        var (code, text) = await RunCaptured([.. common[..^2], "--epochs", "2"]);
        Assert.Equal(2, code);
        Assert.Contains($"--normalize: none, but {Path.Combine(output, "checkpoints", "last.model")} was trained with 0.25/0.5 (last.model.json)", text, StringComparison.Ordinal);
        Assert.Equal(0, (await RunCaptured([.. common, "--epochs", "2"])).Code);
    }

    [Theory]
    [InlineData("--normalize", "0.25")]
    [InlineData("--init", "he")]
    [InlineData("--padding", "full")]
    public async Task Train_BadModelOrNormalizeOption_ExitsTwoWithoutWriting(string option, string value)
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"));
        var output = Path.Combine(_dir, "run");
        Assert.Equal(2, await Run("train", "--dataset", data, "--epochs", "1", option, value, "--out", output));
        Assert.False(File.Exists(Path.Combine(output, "metrics.json")));
    }

    [Fact]
    public async Task Train_UnknownDataset_FailsWithoutWriting()
    {
        var output = Path.Combine(_dir, "run");
        var code = await Run("train", "--dataset", Path.Combine(_dir, "nope"), "--out", output);
        Assert.Equal(2, code);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Train_UnknownModel_Fails()
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"));
        Assert.Equal(2, await Run("train", "--dataset", data, "--model", "vgg", "--out", Path.Combine(_dir, "run")));
    }
    private string WriteImbalancedCsv()
    {
        var path = Path.Combine(_dir, "imbalanced.csv");
        var lines = new List<string> { "x0,x1,label" };
        for (var i = 0; i < 200; i++)
        {
            var minority = i % 10 == 0;
            var jitter = (i * 37 % 17) / 17.0;
            lines.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{(minority ? 2 : 0) + jitter},{(minority ? 2 : 0) - jitter},{(minority ? "rare" : "common")}"));
        }
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task Train_TabularCsvWithSmote_TrainsMlpOnBalancedSplit()
    {
        var output = Path.Combine(_dir, "run");
        var code = await Run("train", "--dataset", WriteImbalancedCsv(), "--model", "mlp", "--epochs", "2", "--batch-size", "16",
            "--smote", "--k", "3", "--val-fraction", "0.2", "--out", output);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")));
        var counts = json.RootElement.GetProperty("train_class_counts").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        Assert.Equal(2, counts.Length);
        Assert.Equal(counts[0], counts[1]);
        Assert.Equal("smote", json.RootElement.GetProperty("resample").GetString());
        Assert.Equal(32, json.RootElement.GetProperty("validation_samples").GetInt32());
    }

    [Fact]
    public async Task Train_SmoteOnImageDataset_FailsWithClearError()
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"));
        var output = Path.Combine(_dir, "run");
        Assert.Equal(2, await Run("train", "--dataset", data, "--epochs", "1", "--smote", "--out", output));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Train_UnknownTabularMethod_Fails()
    {
        var output = Path.Combine(_dir, "run");
        Assert.Equal(2, await Run("train", "--dataset", WriteImbalancedCsv(), "--model", "mlp", "--tabular-method", "nope", "--out", output));
        Assert.False(Directory.Exists(output));
    }
}
