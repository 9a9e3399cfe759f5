using System.CommandLine;
using Augment.Cli.Commands.Text;

namespace Augment.Cli.Tests.Text;

public sealed class TextCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "augment-cli-text-" + Guid.NewGuid().ToString("N"));

    public TextCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string FilePath(string name) => Path.Combine(_dir, name);

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(TextCommand.Create());
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await root.Parse(["text", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Text_EdaTsv_WritesNumAugPlusOneLinesPerInput()
    {
        var input = FilePath("train.tsv");
        await File.WriteAllTextAsync(input, "1\tThe film was a delight from start to finish.\n0\tDull characters and a predictable story.\n");
        var (code, output, error) = await Run("--method", "eda", "--input", input, "--output", FilePath("out.tsv"), "--num-aug", "4", "--alpha", "0.2", "--seed", "3");
        Assert.True(code == 0, error);
        Assert.Contains("augmented 2 records -> 10 lines", output);
        var lines = await File.ReadAllLinesAsync(FilePath("out.tsv"));
        Assert.Equal(10, lines.Length);
        Assert.Equal("1\tThe film was a delight from start to finish.", lines[4]);
    }

    [Fact]
    public async Task Text_SameSeedTwice_SameFile_OtherSeed_Differs()
    {
        var input = FilePath("train.tsv");
        await File.WriteAllTextAsync(input, string.Concat(Enumerable.Range(0, 50).Select(i => $"{i % 2}\tsentence number {i} talks about happy dogs and quiet rivers\n")));
        await Run("--input", input, "--output", FilePath("a.tsv"), "--seed", "5", "--threads", "1");
        await Run("--input", input, "--output", FilePath("b.tsv"), "--seed", "5", "--threads", "2");
        await Run("--input", input, "--output", FilePath("c.tsv"), "--seed", "6");
        Assert.Equal(await File.ReadAllTextAsync(FilePath("a.tsv")), await File.ReadAllTextAsync(FilePath("b.tsv")));
        Assert.NotEqual(await File.ReadAllTextAsync(FilePath("a.tsv")), await File.ReadAllTextAsync(FilePath("c.tsv")));
    }

    [Fact]
    public async Task Text_BadLine_ExitCodeOneNamingLineAndNoOutput()
    {
        var input = FilePath("train.tsv");
        await File.WriteAllTextAsync(input, "1\tfine\nno tab\n");
        var (code, _, error) = await Run("--input", input, "--output", FilePath("out.tsv"));
        Assert.Equal(1, code);
        Assert.Contains($"{input}:2: no tab", error);
        Assert.False(File.Exists(FilePath("out.tsv")));
    }

    [Fact]
    public async Task Text_SkipMode_ReportsSkippedLines()
    {
        var input = FilePath("train.tsv");
        await File.WriteAllTextAsync(input, "1\tfine words here\n\nno tab\n");
        var (code, output, _) = await Run("--input", input, "--output", FilePath("out.tsv"), "--on-error", "skip");
        Assert.Equal(0, code);
        Assert.Contains("skipped 2 bad lines (1 empty line, 1 malformed)", output);
    }

    [Fact]
    public async Task Text_SynonymFileAndJsonl_UsesFileSynonyms()
    {
        var input = FilePath("in.jsonl");
        await File.WriteAllTextAsync(input, "{\"text\":\"gato grande\",\"label\":1}\n");
        await File.WriteAllTextAsync(FilePath("syn.txt"), "gato\tfelino\ngrande,enorme\n");
        var (code, _, error) = await Run("--input", input, "--output", FilePath("out.jsonl"), "--synonyms", FilePath("syn.txt"),
            "--alpha-ri", "0", "--alpha-rs", "0", "--alpha-rd", "0", "--alpha-sr", "0.5", "--num-aug", "1", "--keep-original", "false");
        Assert.True(code == 0, error);
        var line = Assert.Single(await File.ReadAllLinesAsync(FilePath("out.jsonl")));
        Assert.True(line is "{\"label\":1,\"text\":\"felino grande\"}" or "{\"label\":1,\"text\":\"gato enorme\"}", line);
    }

    [Theory]
    [InlineData("--num-aug", "2.5", "num_aug")]
    [InlineData("--alpha", "3", "alpha_sr")]
    [InlineData("--threads", "0", "--threads")]
    [InlineData("--wordnet", "/no/such/wordnet", "/no/such/wordnet")]
    public async Task Text_BadOption_ExitCodeOneNamingIt(string option, string value, string expected)
    {
        var input = FilePath("train.tsv");
        await File.WriteAllTextAsync(input, "1\tfine\n");
        var (code, _, error) = await Run("--input", input, "--output", FilePath("out.tsv"), option, value);
        Assert.Equal(1, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Text_UnknownMethod_ParseError()
    {
        var (code, _, _) = await Run("--method", "cbert", "--input", "x.tsv", "--output", "y.tsv");
        Assert.NotEqual(0, code);
    }
}
