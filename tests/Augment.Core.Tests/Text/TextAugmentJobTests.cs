using Augment.Core.Text;
using Augment.Core.Text.Eda;
using Augment.Core.Text.IO;
using Augment.Core.Text.Lexicons;

namespace Augment.Core.Tests.Text;

public class TextAugmentJobTests
{
    private static readonly EdaAugmenter Augmenter = new(new EdaOptions(), SynonymLexicon.EmbeddedWordNet());

    [Fact]
    public async Task RunAsync_Tsv_TenLinesPerInputWithLabelsInOrder()
    {
        using var dir = new TempDir();
        var input = dir.Write("train.tsv", "1\tThe movie was great and the actors were wonderful.\n0\tA boring, slow film with a weak plot.\n");
        var output = dir.File("out.tsv");
        var result = await TextAugmentJob.RunAsync(input, output, new TextReadOptions(), TextFormat.Tsv, Augmenter, 0, 1, new TextReadReport(), CancellationToken.None);
        Assert.Equal(new TextAugmentJob.Result(2, 20), result);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal(20, lines.Length);
        Assert.All(lines.Take(10), l => Assert.StartsWith("1\t", l, StringComparison.Ordinal));
        Assert.All(lines.Skip(10), l => Assert.StartsWith("0\t", l, StringComparison.Ordinal));
        Assert.Equal("0\tA boring, slow film with a weak plot.", lines[^1]);
    }

    [Fact]
    public async Task RunAsync_OneOrFourThreads_SameBytes()
    {
        using var dir = new TempDir();
        var input = dir.Write("train.tsv", string.Join('\n', Enumerable.Range(0, 5000).Select(i => $"{i % 3}\tsentence {i} about quick brown foxes and lazy dogs")));
        await TextAugmentJob.RunAsync(input, dir.File("a.tsv"), new TextReadOptions(), TextFormat.Tsv, Augmenter, 42, 1, new TextReadReport(), CancellationToken.None);
        await TextAugmentJob.RunAsync(input, dir.File("b.tsv"), new TextReadOptions(), TextFormat.Tsv, Augmenter, 42, 4, new TextReadReport(), CancellationToken.None);
        Assert.Equal(await File.ReadAllBytesAsync(dir.File("a.tsv")), await File.ReadAllBytesAsync(dir.File("b.tsv")));
    }

    [Fact]
    public async Task RunAsync_BadLineInFailMode_OutputUntouched()
    {
        using var dir = new TempDir();
        var input = dir.Write("train.tsv", "1\tfine sentence here\nbroken line\n");
        var output = dir.Write("out.tsv", "old content\n");
        var e = await Assert.ThrowsAsync<TextInputException>(() =>
            TextAugmentJob.RunAsync(input, output, new TextReadOptions(), TextFormat.Tsv, Augmenter, 0, 1, new TextReadReport(), CancellationToken.None));
        Assert.Equal(2, e.Line);
        Assert.Equal("old content\n", await File.ReadAllTextAsync(output));
        Assert.Equal(2, Directory.GetFiles(dir.Path).Length);
    }

    [Fact]
    public async Task RunAsync_CsvToJsonl_ConvertsFormat()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "label,text\npos,\"Great, fun film\"\n");
        var output = dir.File("out.jsonl");
        var augmenter = new EdaAugmenter(new EdaOptions { NumAug = 2 }, SynonymLexicon.EmbeddedWordNet());
        await TextAugmentJob.RunAsync(input, output, new TextReadOptions { Format = TextFormat.Csv }, TextFormat.Jsonl, augmenter, 0, 1, new TextReadReport(), CancellationToken.None);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal(3, lines.Length);
        Assert.Equal("{\"label\":\"pos\",\"text\":\"Great, fun film\"}", lines[^1]);
    }

    [Fact]
    public async Task RunAsync_OutputIsInput_Throws()
    {
        using var dir = new TempDir();
        var input = dir.Write("train.tsv", "1\tx\n");
        await Assert.ThrowsAsync<ArgumentException>(() =>
            TextAugmentJob.RunAsync(input, input, new TextReadOptions(), TextFormat.Tsv, Augmenter, 0, 1, new TextReadReport(), CancellationToken.None));
    }
}
