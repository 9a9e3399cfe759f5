using Augment.Core.Tabular;
using Augment.Core.Tabular.IO;
using Parquet;
using Parquet.Schema;

namespace Augment.Core.Tests.Tabular.IO;

public sealed class TableFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-tables-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static TabularData Sample() =>
        new(["a", "c"], [ColumnKind.Numeric, ColumnKind.Categorical], [null, ["p, q", "r"]], [0.1, 0, 1e-300, 1, -2.5, 1],
            "label", 1, ["neg", "pos"], [0, 1, 1], [false, false, true]);

    [Theory]
    [InlineData("out.csv")]
    [InlineData("out.tsv")]
    [InlineData("out.parquet")]
    public async Task WriteThenRead_RoundTripsValuesExactly(string name)
    {
        var path = Path.Combine(_dir, name);
        await TableFiles.WriteAsync(path, Sample(), "synthetic");
        var back = await TableFiles.ReadAsync(path, new TableReadOptions { LabelColumn = "label", CategoricalColumns = ["c"] });
        Assert.Equal(["a", "c", "synthetic"], back.FeatureNames);
        Assert.Equal([0.1, 0, 0, 1e-300, 1, 0, -2.5, 1, 1], back.Features);
        Assert.Equal(["neg", "pos"], back.ClassNames);
        Assert.Equal(1, back.LabelPosition);
        Assert.Equal(["p, q", "r"], back.Categories[1]);
    }

    [Fact]
    public async Task Write_Csv_PutsLabelBackInItsColumn()
    {
        var path = Path.Combine(_dir, "o.csv");
        await TableFiles.WriteAsync(path, Sample());
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal("a,label,c", lines[0]);
        Assert.Equal("0.1,neg,\"p, q\"", lines[1]);
    }

    [Fact]
    public async Task Write_Cancelled_LeavesExistingFileAndNoTemporary()
    {
        var path = Path.Combine(_dir, "keep.csv");
        await File.WriteAllTextAsync(path, "old");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TableFiles.WriteAsync(path, Sample(), null, cts.Token));
        Assert.Equal("old", await File.ReadAllTextAsync(path));
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task Write_SyntheticColumnClash_FailsBeforeWriting()
    {
        var path = Path.Combine(_dir, "clash.csv");
        await Assert.ThrowsAsync<TabularException>(() => TableFiles.WriteAsync(path, Sample(), "a"));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Write_MissingDirectory_Fails()
    {
        var e = await Assert.ThrowsAsync<TabularException>(() => TableFiles.WriteAsync(Path.Combine(_dir, "no", "x.csv"), Sample()));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_UnknownExtension_Fails()
    {
        await Assert.ThrowsAsync<TabularException>(() => TableFiles.WriteAsync(Path.Combine(_dir, "x.xlsx"), Sample()));
    }

    private async Task<string> WriteParquet(params (DataField Field, Array Values)[] columns)
    {
        var path = Path.Combine(_dir, $"in{Guid.NewGuid():N}.parquet");
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => c.Field).ToArray()), stream);
        using var group = writer.CreateRowGroup();
        foreach (var (field, values) in columns)
        {
            switch (values)
            {
                case double?[] d:
                    await group.WriteAsync<double>(field, d.AsMemory());
                    break;
                case double[] d:
                    await group.WriteAsync<double>(field, d.AsMemory());
                    break;
                case int[] i:
                    await group.WriteAsync<int>(field, i.AsMemory());
                    break;
                case string[] s:
                    await group.WriteAsync(field, s);
                    break;
            }
        }
        return path;
    }

    [Fact]
    public async Task ReadParquet_IntegerFeaturesAndLabels_AreNumericAndClasses()
    {
        var path = await WriteParquet((new DataField<int>("n"), new[] { 3, 4 }), (new DataField<string>("s"), new[] { "u", "v" }),
            (new DataField<int>("y"), new[] { 1, 0 }));
        var data = await TableFiles.ReadAsync(path, new TableReadOptions { LabelColumn = "y" });
        Assert.Equal([ColumnKind.Numeric, ColumnKind.Categorical], data.Kinds);
        Assert.Equal(["0", "1"], data.ClassNames);
        Assert.Equal([1, 0], data.Labels);
    }

    [Fact]
    public async Task ReadParquet_Null_NamesRowAndColumn()
    {
        var path = await WriteParquet((new DataField<double?>("a"), new double?[] { 1, null }), (new DataField<int>("y"), new[] { 1, 0 }));
        var e = await Assert.ThrowsAsync<TabularException>(() => TableFiles.ReadAsync(path, new TableReadOptions { LabelColumn = "y" }));
        Assert.Contains("row 2, column 'a': null value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadParquet_NaN_NamesRowAndColumn()
    {
        var path = await WriteParquet((new DataField<double>("a"), new[] { double.NaN, 1 }), (new DataField<int>("y"), new[] { 1, 0 }));
        var e = await Assert.ThrowsAsync<TabularException>(() => TableFiles.ReadAsync(path, new TableReadOptions { LabelColumn = "y" }));
        Assert.Contains("row 1, column 'a'", e.Message, StringComparison.Ordinal);
        Assert.Contains("not finite", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadParquet_NotParquet_Fails()
    {
        var path = Path.Combine(_dir, "bad.parquet");
        await File.WriteAllTextAsync(path, "this is not parquet");
        var e = await Assert.ThrowsAsync<TabularException>(() => TableFiles.ReadAsync(path, new TableReadOptions { LabelColumn = "y" }));
        Assert.Contains("bad.parquet", e.Message, StringComparison.Ordinal);
    }
}
