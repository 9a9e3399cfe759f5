using Parquet;
using Parquet.Schema;

namespace Augment.Core.Tabular.IO;

/// <summary>Writes a table as one Parquet row group: numeric columns as double, categorical columns and the
/// label as string (the label as int64 when every class name is an integer), synthetic flags as boolean.</summary>
internal static class ParquetTableWriter
{
    public static async Task WriteAsync(Stream stream, TabularData data, string? syntheticColumn, CancellationToken ct)
    {
        var order = CsvTableWriter.ColumnOrder(data);
        var integerLabels = data.ClassNames.All(n => long.TryParse(n, System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out _));
        var fields = new List<DataField>();
        foreach (var c in order)
        {
            fields.Add(c < 0
                ? integerLabels ? new DataField<long>(data.LabelName) : new DataField<string>(data.LabelName)
                : data.Kinds[c] == ColumnKind.Numeric ? new DataField<double>(data.FeatureNames[c]) : new DataField<string>(data.FeatureNames[c]));
        }
        if (syntheticColumn is not null)
        {
            fields.Add(new DataField<bool>(syntheticColumn));
        }
        var schema = new ParquetSchema(fields);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, null, false, ct).ConfigureAwait(false);
        using var group = writer.CreateRowGroup();
        var n = data.RowCount;
        var d = data.FeatureCount;
        for (var i = 0; i < order.Length; i++)
        {
            var c = order[i];
            var field = fields[i];
            if (c < 0 && integerLabels)
            {
                var values = data.Labels.Select(l => long.Parse(data.ClassNames[l], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                await group.WriteAsync<long>(field, values, null, null, ct).ConfigureAwait(false);
            }
            else if (c < 0)
            {
                await group.WriteAsync(field, data.Labels.Select(l => data.ClassNames[l]).ToArray(), null).ConfigureAwait(false);
            }
            else if (data.Categories[c] is { } categories)
            {
                var values = new string[n];
                for (var r = 0; r < n; r++)
                {
                    values[r] = categories[(int)data.Features[r * d + c]];
                }
                await group.WriteAsync(field, values, null).ConfigureAwait(false);
            }
            else
            {
                var values = new double[n];
                for (var r = 0; r < n; r++)
                {
                    values[r] = data.Features[r * d + c];
                }
                await group.WriteAsync<double>(field, values, null, null, ct).ConfigureAwait(false);
            }
        }
        if (syntheticColumn is not null)
        {
            var flags = Enumerable.Range(0, n).Select(r => data.Synthetic?[r] == true).ToArray();
            await group.WriteAsync<bool>(fields[^1], flags, null, null, ct).ConfigureAwait(false);
        }
        group.CompleteValidate();
    }
}
