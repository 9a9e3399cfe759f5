using System.Text;
using Augment.Core.Tests.Text;
using Augment.Core.Text.IO;

namespace Augment.Core.Tests.Text.IO;

public class TextFileReaderTests
{
    private static async Task<List<TextRecord>> ReadAll(string path, TextReadOptions options, TextReadReport? report = null)
    {
        var list = new List<TextRecord>();
        await foreach (var r in TextFileReader.ReadAsync(path, options, report ?? new TextReadReport(), CancellationToken.None))
        {
            list.Add(r);
        }
        return list;
    }

    [Fact]
    public async Task ReadAsync_Tsv_LabelAndTextAfterFirstTab()
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes("in.tsv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("1\tgood movie\r\n0\tbad\tfilm\nx\tlast")]);
        var records = await ReadAll(path, new TextReadOptions());
        Assert.Equal([new TextRecord(0, 1, "1", "good movie"), new TextRecord(1, 2, "0", "bad\tfilm"), new TextRecord(2, 3, "x", "last")], records);
    }

    [Theory]
    [InlineData("1\tok\n\n0\tok\n", "in.tsv:2: empty line")]
    [InlineData("1\tok\nno tab here\n", "in.tsv:2: no tab")]
    [InlineData("1\tok\n1\t   \n", "in.tsv:2: empty text")]
    public async Task ReadAsync_BadTsvLine_FailsNamingFileAndLine(string content, string expected)
    {
        using var dir = new TempDir();
        var path = dir.Write("in.tsv", content);
        var e = await Assert.ThrowsAsync<TextInputException>(() => ReadAll(path, new TextReadOptions()));
        Assert.Contains(expected, e.Message);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_FailsWithByteOffset()
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes("in.tsv", [.. "1\tok\n0\tba"u8, 0xFF, .. "d\n"u8]);
        var e = await Assert.ThrowsAsync<TextInputException>(() => ReadAll(path, new TextReadOptions()));
        Assert.Equal($"{path}:2: invalid UTF-8 at byte 5 of the line", e.Message);
    }

    [Fact]
    public async Task ReadAsync_OverLongLine_FailsWithLimit()
    {
        using var dir = new TempDir();
        var path = dir.Write("in.tsv", "1\tshort\n0\t" + new string('a', 200_000) + "\n1\tafter\n");
        var e = await Assert.ThrowsAsync<TextInputException>(() => ReadAll(path, new TextReadOptions { MaxLineBytes = 1000 }));
        Assert.Contains(":2: line longer than 1000 bytes", e.Message);
    }

    [Fact]
    public async Task ReadAsync_SkipMode_SkipsAndCountsPerReasonKeepingIndices()
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes("in.tsv", [.. "1\tok\n\n"u8, 0xC0, .. "\n0\t"u8, .. Encoding.UTF8.GetBytes(new string('a', 100)), .. "\nno tab\n1\tend"u8]);
        var report = new TextReadReport();
        var records = await ReadAll(path, new TextReadOptions { OnError = TextErrorMode.Skip, MaxLineBytes = 50 }, report);
        Assert.Equal([0L, 5L], records.Select(r => r.Index));
        Assert.Equal(2, report.Read);
        Assert.Equal(4, report.SkippedTotal);
        Assert.Equal(1, report.Skipped["empty line"]);
        Assert.Equal(1, report.Skipped["invalid UTF-8"]);
        Assert.Equal(1, report.Skipped["over-long line"]);
        Assert.Equal(1, report.Skipped["malformed"]);
        Assert.Equal($"{path}:2: empty line", report.FirstSkipped);
    }

    [Fact]
    public async Task ReadAsync_Csv_QuotedFieldsAndNamedColumns()
    {
        using var dir = new TempDir();
        var path = dir.Write("in.csv", "id,sentence,y\n1,\"Hello, \"\"world\"\"\nsecond line\",pos\n2,plain,neg\n");
        var records = await ReadAll(path, new TextReadOptions { Format = TextFormat.Csv, TextColumn = "sentence", LabelColumn = "y" });
        Assert.Equal([new TextRecord(0, 2, "pos", "Hello, \"world\"\nsecond line"), new TextRecord(1, 4, "neg", "plain")], records);
    }

    [Theory]
    [InlineData("id,text\n1,a,b\n", "in.csv:2: 3 fields, the header has 2")]
    [InlineData("id,text\n1,\"a\"b\n", "in.csv:2: unexpected character 'b'")]
    [InlineData("id,text\n1,\"open\n", "in.csv:2: unterminated quoted field")]
    [InlineData("id,words\n1,a\n", "in.csv:1: CSV header has no column 'text'")]
    public async Task ReadAsync_BadCsv_FailsNamingLine(string content, string expected)
    {
        using var dir = new TempDir();
        var path = dir.Write("in.csv", content);
        var e = await Assert.ThrowsAsync<TextInputException>(() => ReadAll(path, new TextReadOptions { Format = TextFormat.Csv }));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task ReadAsync_Jsonl_StringAndNumberLabels()
    {
        using var dir = new TempDir();
        var path = dir.Write("in.jsonl", "{\"text\":\"a b\",\"label\":\"pos\"}\n{\"text\":\"c\",\"label\":3}\n{\"text\":\"d\"}\n");
        var records = await ReadAll(path, new TextReadOptions { Format = TextFormat.Jsonl });
        Assert.Equal([new TextRecord(0, 1, "pos", "a b"), new TextRecord(1, 2, "3", "c", true), new TextRecord(2, 3, "", "d")], records);
    }

    [Theory]
    [InlineData("{\"text\":1}", "field 'text' is missing or not a string")]
    [InlineData("[1]", "expected a JSON object")]
    [InlineData("{\"text\":", "invalid JSON")]
    [InlineData("{\"text\":\"x\",\"label\":[1]}", "field 'label' must be a string")]
    public async Task ReadAsync_BadJsonl_FailsNamingReason(string line, string expected)
    {
        using var dir = new TempDir();
        var path = dir.Write("in.jsonl", line + "\n");
        var e = await Assert.ThrowsAsync<TextInputException>(() => ReadAll(path, new TextReadOptions { Format = TextFormat.Jsonl }));
        Assert.Contains(":1: " + expected, e.Message);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_Throws()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => ReadAll("/no/such/file.tsv", new TextReadOptions()));
    }
}
