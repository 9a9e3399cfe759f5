using Augment.Contracts.V1;
using Augment.Core.Data;
using Augment.Core.Tabular;
using Augment.Core.Tabular.IO;

namespace Augment.Service.Batches;

/// <summary>A tabular dataset (CSV, TSV or Parquet read by Core's table reader) held in memory.</summary>
internal sealed class TabularStreamDataset(string name, string path, TabularData table) : IStreamDataset
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public DatasetKind Kind => DatasetKind.Tabular;

    /// <summary>The table.</summary>
    public TabularData Table { get; } = table;

    /// <summary>The last few resample plans of streams over this table.</summary>
    public ResamplePlanCache Plans { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<string> ClassNames => Table.ClassNames;

    /// <inheritdoc />
    public IReadOnlyList<int> Labels => Table.Labels;

    /// <summary>Reads the dataset configured as <paramref name="name"/>.</summary>
    /// <exception cref="DatasetException">The file is missing or bad (the message names the file, row and column).</exception>
    public static TabularStreamDataset Load(string name, DatasetOptions options, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.GetFullPath(options.Path, baseDirectory);
        if (!File.Exists(path))
        {
            throw new DatasetException(DatasetErrorKind.NotFound, $"Augment:Data:Datasets:{name}:Path: {path} does not exist");
        }
        var read = new TableReadOptions
        {
            LabelColumn = options.LabelColumn,
            CategoricalColumns = options.CategoricalColumns.Count > 0 ? [.. options.CategoricalColumns] : null,
        };
        try
        {
            var table = Task.Run(() => TableFiles.ReadAsync(path, read)).GetAwaiter().GetResult();
            return new TabularStreamDataset(name, path, table);
        }
        catch (Exception ex) when (ex is TabularException or IOException)
        {
            throw new DatasetException(DatasetErrorKind.BadFormat, $"dataset \"{name}\": {ex.Message}");
        }
    }

    /// <inheritdoc />
    public DatasetInfo Describe()
    {
        var info = new DatasetInfo
        {
            Name = Name,
            Kind = Kind,
            SampleCount = Table.RowCount,
            Description = $"table {path}: {Table.FeatureCount} features, label column \"{Table.LabelName}\"",
        };
        info.SampleShape.Add(Table.FeatureCount);
        StreamDatasetInfo.AddClasses(info, ClassNames, Labels);
        return info;
    }
}
