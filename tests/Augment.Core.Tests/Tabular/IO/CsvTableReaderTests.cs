using Augment.Core.Tabular;
using Augment.Core.Tabular.IO;

namespace Augment.Core.Tests.Tabular.IO;

public sealed class CsvTableReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-csv-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text, string name = "data.csv")
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static Task<TabularData> Read(string path, string label = "y", string[]? categorical = null) =>
        TableFiles.ReadAsync(path, new TableReadOptions { LabelColumn = label, CategoricalColumns = categorical });

    private async Task<string> Error(string text, string label = "y", string[]? categorical = null)
    {
        var e = await Assert.ThrowsAsync<TabularException>(() => Read(Write(text), label, categorical));
        return e.Message;
    }

    [Fact]
    public async Task Read_InfersKindsAndSortsClassesAndCategories()
    {
        var data = await Read(Write("a,colour,y,b\n1.5,red,10,2\n-3e2,blue,9,4\n0,red,10,5\n"));
        Assert.Equal(["a", "colour", "b"], data.FeatureNames);
        Assert.Equal([ColumnKind.Numeric, ColumnKind.Categorical, ColumnKind.Numeric], data.Kinds);
        Assert.Equal(["blue", "red"], data.Categories[1]);
        Assert.Equal(["9", "10"], data.ClassNames);
        Assert.Equal([1, 0, 1], data.Labels);
        Assert.Equal([1.5, 1, 2, -300, 0, 4, 0, 1, 5], data.Features);
        Assert.Equal(2, data.LabelPosition);
    }

    [Fact]
    public async Task Read_ExplicitCategorical_TreatsNumbersAsCategories()
    {
        var data = await Read(Write("a,zip,y\n1,75001,x\n2,13001,z\n"), categorical: ["zip"]);
        Assert.Equal(ColumnKind.Categorical, data.Kinds[1]);
        Assert.Equal(["13001", "75001"], data.Categories[1]);
    }

    [Fact]
    public async Task Read_QuotedFields_AreUnescaped()
    {
        var data = await Read(Write("a,c,y\n1,\"x, y\",p\n2,\"say \"\"hi\"\"\",q\n"));
        Assert.Equal(["say \"hi\"", "x, y"], data.Categories[1]);
    }

    [Fact]
    public async Task Read_MissingLabel_NamesLabelAndColumns()
    {
        var m = await Error("a,b\n1,2\n", label: "target");
        Assert.Contains("label column 'target' not found", m, StringComparison.Ordinal);
        Assert.Contains("a, b", m, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,y\nNaN,1\n", "'NaN' is not finite")]
    [InlineData("a,y\nnan,1\n", "'nan' is not finite")]
    [InlineData("a,y\n-inf,1\n", "'-inf' is not finite")]
    [InlineData("a,y\nInfinity,1\n", "'Infinity' is not finite")]
    public async Task Read_NonFinite_NamesLineAndColumn(string text, string reason)
    {
        var m = await Error(text);
        Assert.Contains("data.csv line 2, column 'a'", m, StringComparison.Ordinal);
        Assert.Contains(reason, m, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_RaggedRow_NamesLine()
    {
        var m = await Error("a,b,y\n1,2,3\n4,5\n");
        Assert.Contains("line 3: 2 fields, but the header has 3", m, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NonNumericInDeclaredNumericColumn_NamesValue()
    {
        var m = await Error("a,c,y\n1,x,p\nabc,x,q\n", categorical: ["c"]);
        Assert.Contains("line 3, column 'a': 'abc' is not a number", m, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_EmptyValue_Fails()
    {
        var m = await Error("a,b,y\n1,,p\n");
        Assert.Contains("column 'b': empty value", m, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_EmptyLabel_Fails()
    {
        Assert.Contains("empty label", await Error("a,y\n1,\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_EmptyFile_Fails()
    {
        Assert.Contains("no header row", await Error(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_HeaderOnly_Fails()
    {
        Assert.Contains("no data rows", await Error("a,y\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_DuplicateColumn_Fails()
    {
        Assert.Contains("'a' found 2 times", await Error("a,a,y\n1,2,3\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_UnknownCategoricalColumn_Fails()
    {
        Assert.Contains("categorical column 'q' not found", await Error("a,y\n1,2\n", categorical: ["q"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_MissingFile_Fails()
    {
        var e = await Assert.ThrowsAsync<TabularException>(() => Read(Path.Combine(_dir, "nope.csv")));
        Assert.Contains("file not found", e.Message, StringComparison.Ordinal);
    }
}
