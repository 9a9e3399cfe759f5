using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace Augment.Core.Tabular.IO;

/// <summary>Reads a flat Parquet file: numeric physical types become numeric columns, strings and booleans
/// categorical ones (a numeric column listed as categorical uses its invariant text). Nulls, NaN and
/// infinities fail with file, row and column.</summary>
internal static class ParquetTableReader
{
    public static async Task<TabularData> ReadAsync(string path, TableReadOptions options, CancellationToken ct)
    {
        var file = Path.GetFileName(path);
        await using var stream = File.OpenRead(path);
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(stream, null, false, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new TabularException($"{file}: not a readable Parquet file ({e.Message})", e);
        }
        await using (reader)
        {
            if (reader.Schema.Fields.Count != reader.Schema.DataFields.Length)
            {
                throw new TabularException($"{file}: nested Parquet schemas are not supported; use flat columns");
            }
            var fields = reader.Schema.DataFields;
            var header = TableHeader.Resolve(file, fields.Select(f => f.Name).ToArray(), options);
            var kinds = new ColumnKind[header.FeatureIndices.Length];
            for (var f = 0; f < kinds.Length; f++)
            {
                var field = fields[header.FeatureIndices[f]];
                if (field.IsArray)
                {
                    throw new TabularException($"{file}, column '{field.Name}': array columns are not supported");
                }
                kinds[f] = header.Declared[f] ?? (IsNumeric(field.ClrType) ? ColumnKind.Numeric : ColumnKind.Categorical);
                if (kinds[f] == ColumnKind.Numeric && !IsNumeric(field.ClrType) && field.ClrType != typeof(bool))
                {
                    throw new TabularException($"{file}, column '{field.Name}': type {field.ClrType.Name} is not numeric");
                }
            }
            var d = kinds.Length;
            long rowBase = 0;
            var features = new List<double>();
            var categories = kinds.Select(k => k == ColumnKind.Categorical ? new CategoryInterner() : null).ToArray();
            var labels = new CategoryInterner();
            var labelCodes = new List<int>();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var n = (int)group.RowCount;
                var labelText = await ReadText(group, fields[header.LabelIndex], n, file, rowBase, ct).ConfigureAwait(false);
                var values = new double[n * d];
                for (var f = 0; f < d; f++)
                {
                    var field = fields[header.FeatureIndices[f]];
                    if (kinds[f] == ColumnKind.Numeric)
                    {
                        var column = await ReadNumbers(group, field, n, file, rowBase, ct).ConfigureAwait(false);
                        for (var r = 0; r < n; r++)
                        {
                            values[r * d + f] = column[r];
                        }
                    }
                    else
                    {
                        var column = await ReadText(group, field, n, file, rowBase, ct).ConfigureAwait(false);
                        for (var r = 0; r < n; r++)
                        {
                            values[r * d + f] = categories[f]!.Intern(column[r]);
                        }
                    }
                }
                features.AddRange(values);
                labelCodes.AddRange(labelText.Select(labels.Intern));
                rowBase += n;
            }
            return TableAssembly.Build(header, kinds, features.ToArray(), categories, labels, labelCodes.ToArray(), file);
        }
    }

    private static bool IsNumeric(Type t) =>
        t == typeof(double) || t == typeof(float) || t == typeof(int) || t == typeof(long) || t == typeof(short)
        || t == typeof(byte) || t == typeof(sbyte) || t == typeof(ushort) || t == typeof(uint) || t == typeof(ulong)
        || t == typeof(decimal);

    private static async Task<double[]> ReadNumbers(ParquetRowGroupReader group, DataField field, int n, string file, long rowBase, CancellationToken ct)
    {
        var t = field.ClrType;
        if (t == typeof(bool))
        {
            return (await ReadText(group, field, n, file, rowBase, ct).ConfigureAwait(false))
                .Select(v => v == bool.TrueString ? 1.0 : 0.0).ToArray();
        }
        var values = t == typeof(double) ? await Read<double>(group, field, n, file, rowBase, ct).ConfigureAwait(false)
            : t == typeof(float) ? await Read<float>(group, field, n, file, rowBase, ct).ConfigureAwait(false)
            : t == typeof(int) ? await Read<int>(group, field, n, file, rowBase, ct).ConfigureAwait(false)
            : t == typeof(long) ? await Read<long>(group, field, n, file, rowBase, ct).ConfigureAwait(false)
            : t == typeof(short) ? await Read<short>(group, field, n, file, rowBase, ct).ConfigureAwait(false)
            : t == typeof(byte) ? await Read<byte>(group, field, n, file, rowBase, ct).ConfigureAwait(false)
            : t == typeof(sbyte) ? await Read<sbyte>(group, field, n, file, rowBase, ct).ConfigureAwait(false)
            : t == typeof(ushort) ? await Read<ushort>(group, field, n, file, rowBase, ct).ConfigureAwait(false)
            : t == typeof(uint) ? await Read<uint>(group, field, n, file, rowBase, ct).ConfigureAwait(false)
            : t == typeof(ulong) ? await Read<ulong>(group, field, n, file, rowBase, ct).ConfigureAwait(false)
            : await Read<decimal>(group, field, n, file, rowBase, ct).ConfigureAwait(false);
        for (var r = 0; r < n; r++)
        {
            if (!double.IsFinite(values[r]))
            {
                throw new TabularException(
                    $"{file} row {rowBase + r + 1}, column '{field.Name}': {NumberText.Format(values[r])} is not finite (NaN and infinities are not allowed)");
            }
        }
        return values;
    }

    private static async Task<double[]> Read<T>(ParquetRowGroupReader group, DataField field, int n, string file, long rowBase, CancellationToken ct)
        where T : struct, INumberBase<T>
    {
        var result = new double[n];
        if (field.IsNullable)
        {
            var buffer = new T?[n];
            await group.ReadAsync<T>(field, buffer.AsMemory(), null, ct).ConfigureAwait(false);
            for (var r = 0; r < n; r++)
            {
                result[r] = buffer[r] is { } v
                    ? double.CreateChecked(v)
                    : throw new TabularException($"{file} row {rowBase + r + 1}, column '{field.Name}': null value (missing values are not supported)");
            }
        }
        else
        {
            var buffer = new T[n];
            await group.ReadAsync<T>(field, buffer.AsMemory(), null, ct).ConfigureAwait(false);
            for (var r = 0; r < n; r++)
            {
                result[r] = double.CreateChecked(buffer[r]);
            }
        }
        return result;
    }

    private static async Task<string[]> ReadText(ParquetRowGroupReader group, DataField field, int n, string file, long rowBase, CancellationToken ct)
    {
        string?[] text;
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            text = new string?[n];
            await group.ReadAsync(field, text.AsMemory()!, null, ct).ConfigureAwait(false);
        }
        else if (field.ClrType == typeof(bool))
        {
            var flags = new bool?[n];
            if (field.IsNullable)
            {
                await group.ReadAsync<bool>(field, flags.AsMemory(), null, ct).ConfigureAwait(false);
            }
            else
            {
                var plain = new bool[n];
                await group.ReadAsync<bool>(field, plain.AsMemory(), null, ct).ConfigureAwait(false);
                for (var r = 0; r < n; r++)
                {
                    flags[r] = plain[r];
                }
            }
            text = flags.Select(f => f?.ToString(CultureInfo.InvariantCulture)).ToArray();
        }
        else if (IsNumeric(field.ClrType))
        {
            var numbers = await ReadNumbers(group, field, n, file, rowBase, ct).ConfigureAwait(false);
            text = numbers.Select(v => (string?)NumberText.Format(v)).ToArray();
        }
        else
        {
            throw new TabularException($"{file}, column '{field.Name}': type {field.ClrType.Name} is not supported");
        }
        var result = new string[n];
        for (var r = 0; r < n; r++)
        {
            result[r] = string.IsNullOrEmpty(text[r])
                ? throw new TabularException($"{file} row {rowBase + r + 1}, column '{field.Name}': null or empty value (missing values are not supported)")
                : text[r]!;
        }
        return result;
    }
}
