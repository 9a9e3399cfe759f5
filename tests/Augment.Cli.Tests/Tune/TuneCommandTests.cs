using System.Text.Json;
using Augment.Cli.Tests.Train;

namespace Augment.Cli.Tests.Tune;

public sealed class TuneCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-cli-tune-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Tune_GridOverSpaceFile_WritesTrialsAndBest()
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"), trainCount: 60, testCount: 15);
        var space = Path.Combine(_dir, "space.json");
        File.WriteAllText(space, """{"parameters":[{"name":"lr","kind":"float","min":1e-3,"max":1e-2,"log":true,"grid_points":2},{"name":"optimizer","kind":"choice","choices":["adam"]}]}""");
        var output = Path.Combine(_dir, "tune");
        var code = await TrainCommandTests.Run("tune", "--dataset", data, "--model", "mlp", "--epochs", "1", "--batch-size", "16",
            "--val-fraction", "0.25", "--space", space, "--strategy", "grid", "--trials", "5", "--out", output);
        Assert.Equal(0, code);
        var csv = File.ReadAllLines(Path.Combine(output, "trials.csv"));
        Assert.Equal("trial,lr,optimizer,val_accuracy,error", csv[0]);
        Assert.Equal(3, csv.Length);
        using var best = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "best.json")));
        Assert.InRange(best.RootElement.GetProperty("value").GetDouble(), 0, 1);
        Assert.True(File.Exists(Path.Combine(output, "trial-1", "metrics.json")));
    }

    [Fact]
    public async Task Tune_DropoutGrid_AppliesEachValueToItsTrial()
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"), trainCount: 60, testCount: 15);
        var space = Path.Combine(_dir, "space.json");
        File.WriteAllText(space, """{"parameters":[{"name":"dropout","kind":"choice","choices":["0","0.5"]}]}""");
        var output = Path.Combine(_dir, "tune");
        var code = await TrainCommandTests.Run("tune", "--dataset", data, "--model", "mlp", "--epochs", "1", "--batch-size", "16",
            "--val-fraction", "0.25", "--space", space, "--strategy", "grid", "--trials", "2", "--out", output);
        Assert.Equal(0, code);
        double Dropout(int trial)
        {
            using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, $"trial-{trial}", "metrics.json")));
            return metrics.RootElement.GetProperty("dropout").GetDouble();
        }
        Assert.Equal([0.0, 0.5], new[] { Dropout(0), Dropout(1) }.Order());
    }

    [Theory]
    [InlineData("""{"name":"dropout","kind":"float","min":0,"max":1}""")]
    [InlineData("""{"name":"dropout","kind":"choice","choices":["0.2","x"]}""")]
    public async Task Tune_DropoutOutsideZeroToOne_NamesTheParameter(string parameter)
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"), trainCount: 20, testCount: 5);
        var space = Path.Combine(_dir, "space.json");
        File.WriteAllText(space, $$"""{"parameters":[{{parameter}}]}""");
        var (code, output) = await CapturedConsole.Run(console => Commands.Tune.TuneCommand.Create(console), "tune", "--dataset", data, "--model", "mlp", "--epochs", "1", "--space", space, "--out", Path.Combine(_dir, "t"));
        Assert.Equal(2, code);
        Assert.Contains("parameters[0] (dropout): every value must be a probability in [0, 1)", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "t", "trials.csv")));
    }

    [Fact]
    public async Task Tune_SpaceWithUnknownParameter_NamesIt()
    {
        var data = TinyIdxDataset.Write(Path.Combine(_dir, "data"), trainCount: 30, testCount: 9);
        var space = Path.Combine(_dir, "space.json");
        File.WriteAllText(space, """{"parameters":[{"name":"label_smoothing","kind":"float","min":0,"max":0.5}]}""");
        var code = await TrainCommandTests.Run("tune", "--dataset", data, "--space", space, "--out", Path.Combine(_dir, "tune"));
        Assert.Equal(2, code);
        Assert.False(File.Exists(Path.Combine(_dir, "tune", "trials.csv")));
    }
}
