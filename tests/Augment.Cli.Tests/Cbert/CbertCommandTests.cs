using System.CommandLine;
using Augment.Cli.Commands.Cbert;

namespace Augment.Cli.Tests.Cbert;

public sealed class CbertCommandTests : IDisposable
{
    private static readonly string[] Tiny =
        ["--hidden-size", "32", "--layers", "1", "--heads", "2", "--pretrain-epochs", "2", "--epochs", "2", "--batch-size", "8", "--threads", "1"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "augment-cli-cbert-" + Guid.NewGuid().ToString("N"));

    public CbertCommandTests()
    {
        Directory.CreateDirectory(_dir);
        var lines = new List<string>();
        foreach (var template in new[] { "i bought a {0} at the market", "the {0} was on the table", "we talked about the {0}" })
        {
            lines.AddRange(new[] { "apple", "cherry" }.Select(w => "fruit\t" + string.Format(null, template, w)));
            lines.AddRange(new[] { "truck", "boat" }.Select(w => "vehicle\t" + string.Format(null, template, w)));
        }

        File.WriteAllLines(FilePath("train.tsv"), lines);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string FilePath(string name) => Path.Combine(_dir, name);

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(CbertCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await root.Parse(["cbert", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task TrainThenAugment_FromScratch_WritesVariantsAndOriginalsAndRepeats()
    {
        var model = FilePath("model");
        var (code, output, error) = await Run(["train", "--train", FilePath("train.tsv"), "--output-model", model, .. Tiny]);
        Assert.True(code == 0, error);
        Assert.Contains("from scratch", output);
        Assert.True(File.Exists(Path.Combine(model, "model.safetensors")));
        Assert.True(File.Exists(Path.Combine(model, "cbert.json")));

        string[] augment = ["augment", "--model", model, "--input", FilePath("train.tsv"), "--num-aug", "2", "--seed", "4", "--threads", "1"];
        (code, output, error) = await Run([.. augment, "--output", FilePath("a.tsv")]);
        Assert.True(code == 0, error);
        Assert.Contains("augmented 12 records -> 24 variants", output);
        var lines = await File.ReadAllLinesAsync(FilePath("a.tsv"));
        Assert.Equal(36, lines.Length);
        Assert.Equal((await File.ReadAllLinesAsync(FilePath("train.tsv")))[0], lines[2]);
        Assert.All(lines.Take(2), l => Assert.StartsWith("fruit\t", l, StringComparison.Ordinal));

        await Run([.. augment, "--output", FilePath("b.tsv")]);
        Assert.Equal(await File.ReadAllTextAsync(FilePath("a.tsv")), await File.ReadAllTextAsync(FilePath("b.tsv")));
    }

    [Fact]
    public async Task Run_TrainAndAugmentInOneGo_WritesOutput()
    {
        var (code, output, error) = await Run(["run", "--train", FilePath("train.tsv"), "--input", FilePath("train.tsv"),
            "--output", FilePath("out.jsonl"), "--num-aug", "1", "--keep-original", "false", .. Tiny]);
        Assert.True(code == 0, error);
        Assert.Contains("fine-tune:", output);
        Assert.Equal(12, (await File.ReadAllLinesAsync(FilePath("out.jsonl"))).Length);
    }

    [Fact]
    public async Task TextDispatch_DefaultsFromScratch_WritesVariantsThenOriginal()
    {
        var read = new Augment.Core.Text.IO.TextReadOptions();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CbertTextDispatch.RunAsync(FilePath("train.tsv"), null, FilePath("train.tsv"), FilePath("t.tsv"), read, null,
            2, 3, true, 1, output, error, CancellationToken.None);
        Assert.True(code == 0, error.ToString());
        Assert.Equal(36, (await File.ReadAllLinesAsync(FilePath("t.tsv"))).Length);
        Assert.Equal(1, await CbertTextDispatch.RunAsync(null, null, FilePath("train.tsv"), FilePath("u.tsv"), read, null,
            2, 3, true, 1, output, error, CancellationToken.None));
        Assert.Contains("--train", error.ToString());
    }

    [Fact]
    public async Task Augment_ModelWithoutLabels_ExitOneNamingTheProblem()
    {
        Directory.CreateDirectory(FilePath("empty"));
        var (code, _, error) = await Run("augment", "--model", FilePath("empty"), "--input", FilePath("train.tsv"), "--output", FilePath("o.tsv"));
        Assert.Equal(1, code);
        Assert.Contains("config.json", error);
        Assert.False(File.Exists(FilePath("o.tsv")));
    }

    [Fact]
    public async Task Augment_InputLabelUnknownToModel_ExitOneNamingIt()
    {
        var model = FilePath("model");
        Assert.Equal(0, (await Run(["train", "--train", FilePath("train.tsv"), "--output-model", model, .. Tiny])).Code);
        await File.WriteAllTextAsync(FilePath("in.tsv"), "animal\ta cat sat there\n");
        var (code, _, error) = await Run("augment", "--model", model, "--input", FilePath("in.tsv"), "--output", FilePath("o.tsv"), "--threads", "1");
        Assert.Equal(1, code);
        Assert.Contains("'animal'", error);
        Assert.False(File.Exists(FilePath("o.tsv")));
    }
}
