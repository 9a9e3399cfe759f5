using nietras.SeparatedValues;

namespace Augment.Core.Tabular.IO;

/// <summary>Reads a CSV file with a header row (Sep). When column kinds are inferred the file is read twice:
/// once to decide which columns are numeric, once to parse. Every bad cell fails with file, line, column and
/// reason.</summary>
internal static class CsvTableReader
{
    public static TabularData Read(string path, TableReadOptions options, CancellationToken cancellationToken)
    {
        var file = Path.GetFileName(path);
        var header = ReadHeader(path, options, file);
        var kinds = header.Declared.Any(k => k is null) ? Infer(path, options, header, file, cancellationToken) : header.Declared.Select(k => k!.Value).ToArray();
        return Parse(path, options, header, kinds, file, cancellationToken);
    }

    private static SepReader Open(string path, TableReadOptions options) =>
        Sep.New(options.Separator).Reader(o => o with { HasHeader = true, DisableColCountCheck = true, Unescape = true }).FromFile(path);

    private static TableHeader ReadHeader(string path, TableReadOptions options, string file)
    {
        try
        {
            using var reader = Open(path, options);
            var names = reader.Header.IsEmpty ? [] : reader.Header.ColNames;
            return TableHeader.Resolve(file, names, options);
        }
        catch (ArgumentException e)
        {
            throw new TabularException($"{file}: bad header ({e.Message})", e);
        }
    }

    private static ColumnKind[] Infer(string path, TableReadOptions options, TableHeader header, string file, CancellationToken ct)
    {
        var numeric = header.Declared.Select(k => k != ColumnKind.Categorical).ToArray();
        using var reader = Open(path, options);
        foreach (var row in reader)
        {
            if ((row.RowIndex & 0xFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            CheckWidth(row, header, file);
            for (var f = 0; f < header.FeatureIndices.Length; f++)
            {
                if (numeric[f] && header.Declared[f] is null)
                {
                    var cell = row[header.FeatureIndices[f]].Span;
                    if (cell.Length > 0 && !NumberText.TryParse(cell, out _))
                    {
                        numeric[f] = false;
                    }
                }
            }
        }
        return numeric.Select(n => n ? ColumnKind.Numeric : ColumnKind.Categorical).ToArray();
    }

    private static TabularData Parse(string path, TableReadOptions options, TableHeader header, ColumnKind[] kinds, string file, CancellationToken ct)
    {
        var d = kinds.Length;
        var features = new List<double>();
        var labelCodes = new List<int>();
        var labels = new CategoryInterner();
        var categories = kinds.Select(k => k == ColumnKind.Categorical ? new CategoryInterner() : null).ToArray();
        using (var reader = Open(path, options))
        {
            foreach (var row in reader)
            {
                if ((row.RowIndex & 0xFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
                CheckWidth(row, header, file);
                var line = row.LineNumberFrom;
                for (var f = 0; f < d; f++)
                {
                    var column = header.FeatureIndices[f];
                    var cell = row[column].Span;
                    if (cell.IsEmpty)
                    {
                        throw new TabularException($"{file} line {line}, column '{header.Names[column]}': empty value (missing values are not supported)");
                    }
                    if (categories[f] is { } interner)
                    {
                        features.Add(interner.Intern(cell));
                        continue;
                    }
                    if (!NumberText.TryParse(cell, out var value))
                    {
                        throw new TabularException($"{file} line {line}, column '{header.Names[column]}': '{cell}' is not a number");
                    }
                    if (!double.IsFinite(value))
                    {
                        throw new TabularException($"{file} line {line}, column '{header.Names[column]}': '{cell}' is not finite (NaN and infinities are not allowed)");
                    }
                    features.Add(value);
                }
                var label = row[header.LabelIndex].Span;
                if (label.IsEmpty)
                {
                    throw new TabularException($"{file} line {line}, column '{header.Names[header.LabelIndex]}': empty label");
                }
                labelCodes.Add(labels.Intern(label));
            }
        }
        return TableAssembly.Build(header, kinds, features.ToArray(), categories, labels, labelCodes.ToArray(), file);
    }

    private static void CheckWidth(SepReader.Row row, TableHeader header, string file)
    {
        if (row.ColCount != header.Names.Length)
        {
            throw new TabularException(
                $"{file} line {row.LineNumberFrom}: {row.ColCount} fields, but the header has {header.Names.Length} (ragged row)");
        }
    }
}
