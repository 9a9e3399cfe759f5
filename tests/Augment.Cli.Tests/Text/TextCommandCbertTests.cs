using System.CommandLine;
using Augment.Cli.Commands.Text;

namespace Augment.Cli.Tests.Text;

/// <summary><c>augment text --method cbert</c> dispatches to the CBERT runner (fine-tune, then augment).</summary>
public sealed class TextCommandCbertTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-text-cbert-").FullName;

    public TextCommandCbertTests()
    {
        var lines = new List<string>();
        foreach (var template in new[] { "i bought a {0} at the market", "the {0} was on the table" })
        {
            lines.AddRange(new[] { "apple", "cherry" }.Select(w => "fruit\t" + string.Format(null, template, w)));
            lines.AddRange(new[] { "truck", "boat" }.Select(w => "vehicle\t" + string.Format(null, template, w)));
        }
        File.WriteAllLines(Path.Combine(_dir, "train.tsv"), lines);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(int Code, string Error)> Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(TextCommand.Create());
        var error = new StringWriter();
        var code = await root.Parse(["text", .. args]).InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });
        return (code, error.ToString());
    }

    [Fact]
    public async Task MethodCbert_FromScratch_WritesVariantsAndOriginals()
    {
        var train = Path.Combine(_dir, "train.tsv");
        var output = Path.Combine(_dir, "out.tsv");
        var (code, error) = await Run("--method", "cbert", "--train", train, "--input", train, "--output", output, "--num-aug", "1", "--threads", "1");
        Assert.True(code == 0, error);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal(16, lines.Length);
        Assert.All(lines, l => Assert.Matches("^(fruit|vehicle)\t", l));
    }

    [Fact]
    public async Task MethodCbert_WithoutTrain_ExitsOneNamingTheOption()
    {
        var train = Path.Combine(_dir, "train.tsv");
        var (code, error) = await Run("--method", "cbert", "--input", train, "--output", Path.Combine(_dir, "o.tsv"));
        Assert.Equal(1, code);
        Assert.Contains("--train", error);
    }

    [Fact]
    public async Task MethodCbert_FractionalNumAug_ExitsOne()
    {
        var train = Path.Combine(_dir, "train.tsv");
        var (code, error) = await Run("--method", "cbert", "--train", train, "--input", train, "--output", Path.Combine(_dir, "o.tsv"), "--num-aug", "0.5");
        Assert.Equal(1, code);
        Assert.Contains("--num-aug", error);
        Assert.False(File.Exists(Path.Combine(_dir, "o.tsv")));
    }
}
