using Augment.Core.Tests.Text;
using Augment.Core.Text.IO;

namespace Augment.Core.Tests.Text.IO;

public class TextFileWriterTests
{
    [Theory]
    [InlineData(TextFormat.Tsv, "a\tone two\nb\tx y\n")]
    [InlineData(TextFormat.Csv, "label,text\na,one two\nb,x\ty\n")]
    [InlineData(TextFormat.Jsonl, "{\"label\":\"a\",\"text\":\"one two\"}\n{\"label\":\"b\",\"text\":\"x\\ty\"}\n")]
    public async Task CommitAsync_WritesFormat(TextFormat format, string expected)
    {
        using var dir = new TempDir();
        var path = dir.File("out");
        await using (var writer = await TextFileWriter.CreateAsync(path, format))
        {
            writer.Write("a", "one two", false);
            writer.Write("b", "x\ty", false);
            await writer.CommitAsync(CancellationToken.None);
        }
        Assert.Equal(expected, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task WriteAsync_JsonLiteralLabel_WrittenVerbatim()
    {
        using var dir = new TempDir();
        var path = dir.File("out.jsonl");
        await using (var writer = await TextFileWriter.CreateAsync(path, TextFormat.Jsonl))
        {
            writer.Write("3", "é \"q\"", true);
            await writer.CommitAsync(CancellationToken.None);
        }
        Assert.Equal("{\"label\":3,\"text\":\"é \\\"q\\\"\"}\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task DisposeAsync_WithoutCommit_LeavesExistingOutputAndNoTempFile()
    {
        using var dir = new TempDir();
        var path = dir.Write("out.tsv", "previous\n");
        await using (var writer = await TextFileWriter.CreateAsync(path, TextFormat.Tsv))
        {
            writer.Write("a", "b", false);
        }
        Assert.Equal("previous\n", await File.ReadAllTextAsync(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task CreateAsync_MissingFolder_Throws()
    {
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => TextFileWriter.CreateAsync("/no/such/dir/out.tsv", TextFormat.Tsv));
    }
}
