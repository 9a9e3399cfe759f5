using System.CommandLine;
using System.Globalization;
using System.Text;
using Augment.Cli.Commands.Tabular;
using Augment.Core.Tabular.IO;
using Spectre.Console;

namespace Augment.Cli.Tests.Tabular;

public sealed class TabularCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-cli-tabular-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteInput(int majority = 120, int minority = 20, bool categorical = false)
    {
        var sb = new StringBuilder(categorical ? "x0,colour,label,x1\n" : "x0,label,x1\n");
        for (var i = 0; i < majority + minority; i++)
        {
            var c = i < majority ? "neg" : "pos";
            var x0 = (i * 37 % 101 / 10.0 + (c == "pos" ? 3 : 0)).ToString(CultureInfo.InvariantCulture);
            var x1 = (i * 53 % 97 / 9.0).ToString(CultureInfo.InvariantCulture);
            sb.Append(categorical ? $"{x0},{(i % 3 == 0 ? "red" : "blue")},{c},{x1}\n" : $"{x0},{c},{x1}\n");
        }
        var path = Path.Combine(_dir, "in.csv");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    private static Task<(int Code, string Output)> Run(params string[] args) => CapturedConsole.Run(TabularCommand.Create, args);

    [Fact]
    public async Task Tabular_Smote_WritesBalancedTableAndSummary()
    {
        var input = WriteInput();
        var output = Path.Combine(_dir, "out.csv");
        var (code, text) = await Run("tabular", "--input", input, "--label", "label", "--method", "smote", "--k", "5",
            "--strategy", "auto", "--seed", "0", "--output", output, "--synthetic-column", "synthetic");
        Assert.True(code == 0, text);
        var result = await TableFiles.ReadAsync(output, new TableReadOptions { LabelColumn = "label" });
        Assert.Equal([120, 120], result.ClassCounts());
        Assert.Equal(["x0", "x1", "synthetic"], result.FeatureNames);
        Assert.Equal(1, result.LabelPosition);
        Assert.Contains("pos", text, StringComparison.Ordinal);
        Assert.Matches(@"pos\s*│\s*20\s*│\s*120\s*│\s*100", text);
    }

    [Fact]
    public async Task Tabular_SameSeed_SameBytesWhateverThreads()
    {
        var input = WriteInput();
        var a = Path.Combine(_dir, "a.csv");
        var b = Path.Combine(_dir, "b.csv");
        Assert.Equal(0, (await Run("tabular", "-i", input, "--label", "label", "-o", a, "--seed", "7", "--threads", "1")).Code);
        Assert.Equal(0, (await Run("tabular", "-i", input, "--label", "label", "-o", b, "--seed", "7", "--threads", "3")).Code);
        Assert.Equal(await File.ReadAllBytesAsync(a), await File.ReadAllBytesAsync(b));
    }

    [Fact]
    public async Task Tabular_SmoteNcToParquet_KeepsCategories()
    {
        var input = WriteInput(categorical: true);
        var output = Path.Combine(_dir, "out.parquet");
        var (code, text) = await Run("tabular", "-i", input, "--label", "label", "--method", "smote-nc", "-o", output);
        Assert.True(code == 0, text);
        var result = await TableFiles.ReadAsync(output, new TableReadOptions { LabelColumn = "label" });
        Assert.Equal(["blue", "red"], result.Categories[1]);
        Assert.Equal([120, 120], result.ClassCounts());
    }

    [Fact]
    public async Task Tabular_RandomUnderWithDictStrategy_KeepsAskedCounts()
    {
        var input = WriteInput();
        var output = Path.Combine(_dir, "u.csv");
        var (code, text) = await Run("tabular", "-i", input, "--label", "label", "--method", "random-under", "--strategy", "neg=50", "-o", output);
        Assert.True(code == 0, text);
        var result = await TableFiles.ReadAsync(output, new TableReadOptions { LabelColumn = "label" });
        Assert.Equal([50, 20], result.ClassCounts());
    }

    [Fact]
    public async Task Tabular_ClassTooSmall_ExitsWithClearErrorAndWritesNothing()
    {
        var input = WriteInput(minority: 3);
        var output = Path.Combine(_dir, "never.csv");
        var (code, text) = await Run("tabular", "-i", input, "--label", "label", "-o", output);
        Assert.Equal(2, code);
        Assert.Contains("class 'pos' has 3 rows", text, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task Tabular_UnknownMethod_ListsMethods()
    {
        var (code, text) = await Run("tabular", "-i", WriteInput(), "--label", "label", "--method", "smoot", "-o", Path.Combine(_dir, "x.csv"));
        Assert.Equal(2, code);
        Assert.Contains("unknown method 'smoot'", text, StringComparison.Ordinal);
        Assert.Contains("borderline-smote", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tabular_MissingRequiredOption_FailsParsing()
    {
        var (code, _) = await Run("tabular", "--label", "label");
        Assert.NotEqual(0, code);
    }
}
