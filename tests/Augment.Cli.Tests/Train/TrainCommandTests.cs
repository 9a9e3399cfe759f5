using System.CommandLine;
using System.Text.Json;
using Augment.Cli.Commands.Train;

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

    [Fact]
    public async Task Train_InitPaddingNormalize_AreUsedAndRecorded()
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"));
        var output = Path.Combine(_dir, "run");
        var code = await Run("train", "--dataset", data, "--epochs", "2", "--batch-size", "16", "--lr", "3e-3", "--init", "glorot",
            "--padding", "same", "--normalize", "0.25/0.5", "--out", output);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")));
        Assert.Equal("glorot", json.RootElement.GetProperty("init").GetString());
        Assert.Equal("same", json.RootElement.GetProperty("padding").GetString());
        Assert.Equal("0.25/0.5", json.RootElement.GetProperty("normalize").GetString());
        Assert.InRange(json.RootElement.GetProperty("test_accuracy").GetDouble(), 0.6, 1.0);
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
