using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using Augment.Contracts.V1;
using Augment.Core.Tabular;
using Google.Protobuf;

namespace Augment.Service.Tabular;

/// <summary>Tensors ↔ <see cref="TabularData"/>: float32/float64 features [n, d], int32/int64 labels [n].
/// Categorical columns carry non-negative integer codes; their distinct values become the categories.</summary>
internal static class TabularTensorCodec
{
    public static TabularData Decode(Tensor? features, Tensor? labels, IReadOnlyCollection<uint> categoricalColumns)
    {
        if (features is null)
        {
            throw new TabularException("features: missing");
        }
        if (labels is null)
        {
            throw new TabularException("labels: missing");
        }
        if (features.Shape.Count != 2 || features.Shape[0] < 0 || features.Shape[1] < 1)
        {
            throw new TabularException($"features.shape: expected [n, d] with d >= 1; got [{string.Join(", ", features.Shape)}]");
        }
        var n = checked((int)features.Shape[0]);
        var d = checked((int)features.Shape[1]);
        if (labels.Shape.Count != 1 || labels.Shape[0] != n)
        {
            throw new TabularException($"labels.shape: expected [{n}]; got [{string.Join(", ", labels.Shape)}]");
        }
        var x = ReadFloats(features, (long)n * d, "features");
        var y = ReadIntegers(labels, n, "labels");
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]))
            {
                throw new TabularException($"features[{i / d}, {i % d}]: {x[i].ToString(CultureInfo.InvariantCulture)} is not finite");
            }
        }
        var kinds = Enumerable.Repeat(ColumnKind.Numeric, d).ToArray();
        var categories = new IReadOnlyList<string>?[d];
        foreach (var c in categoricalColumns)
        {
            if (c >= d)
            {
                throw new TabularException($"sampler.categorical_columns: column {c} does not exist (d = {d})");
            }
            var column = (int)c;
            kinds[column] = ColumnKind.Categorical;
            var values = new SortedSet<long>();
            for (var r = 0; r < n; r++)
            {
                var v = x[r * d + column];
                if (v < 0 || v != Math.Floor(v) || v > int.MaxValue)
                {
                    throw new TabularException($"features[{r}, {column}]: categorical column holds {v.ToString(CultureInfo.InvariantCulture)}, not a non-negative integer code");
                }
                values.Add((long)v);
            }
            var sorted = values.ToArray();
            categories[column] = sorted.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();
            var code = sorted.Select((v, i) => (v, i)).ToDictionary(t => t.v, t => t.i);
            for (var r = 0; r < n; r++)
            {
                x[r * d + column] = code[(long)x[r * d + column]];
            }
        }
        var classNames = TabularData.SortClassNames(y.Select(TabularSamplerMapper.Label));
        var classIndex = classNames.Select((name, i) => (name, i)).ToDictionary(t => long.Parse(t.name, CultureInfo.InvariantCulture), t => t.i);
        var names = Enumerable.Range(0, d).Select(f => $"x{f}").ToArray();
        return new TabularData(names, kinds, categories, x, "label", d, classNames, y.Select(v => classIndex[v]).ToArray());
    }

    public static ResampleResponse Encode(TabularData before, TabularData after, DType featureType, DType labelType)
    {
        var n = after.RowCount;
        var d = after.FeatureCount;
        var values = (double[])after.Features.Clone();
        for (var f = 0; f < d; f++)
        {
            if (after.Categories[f] is { } categories)
            {
                var decoded = categories.Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
                for (var r = 0; r < n; r++)
                {
                    values[r * d + f] = decoded[(int)values[r * d + f]];
                }
            }
        }
        var labelValues = after.Labels.Select(l => long.Parse(after.ClassNames[l], CultureInfo.InvariantCulture)).ToArray();
        var response = new ResampleResponse
        {
            Features = new Tensor { Dtype = featureType, Shape = { n, d }, Data = Floats(values, featureType) },
            Labels = new Tensor { Dtype = labelType, Shape = { n }, Data = Integers(labelValues, labelType) },
            Synthetic = new Tensor
            {
                Dtype = DType.Uint8,
                Shape = { n },
                Data = ByteString.CopyFrom(Enumerable.Range(0, n).Select(r => after.Synthetic?[r] == true ? (byte)1 : (byte)0).ToArray()),
            },
        };
        var b = before.ClassCounts();
        var a = after.ClassCounts();
        for (var c = 0; c < b.Length; c++)
        {
            var label = long.Parse(before.ClassNames[c], CultureInfo.InvariantCulture);
            response.CountsBefore.Add(new TabularClassCount { Label = label, Count = b[c] });
            response.CountsAfter.Add(new TabularClassCount { Label = label, Count = a[c] });
        }
        return response;
    }

    private static double[] ReadFloats(Tensor t, long count, string field)
    {
        var bytes = t.Data.Span;
        var width = t.Dtype switch
        {
            DType.Float32 => 4,
            DType.Float64 => 8,
            _ => throw new TabularException($"{field}.dtype: expected DTYPE_FLOAT32 or DTYPE_FLOAT64; got {t.Dtype}"),
        };
        if (bytes.Length != count * width)
        {
            throw new TabularException($"{field}.data: {bytes.Length} bytes, expected {count * width} for the shape and dtype");
        }
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = width == 4
                ? BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * 4, 4))
                : BinaryPrimitives.ReadDoubleLittleEndian(bytes.Slice(i * 8, 8));
        }
        return result;
    }

    private static long[] ReadIntegers(Tensor t, int count, string field)
    {
        var bytes = t.Data.Span;
        var width = t.Dtype switch
        {
            DType.Int32 => 4,
            DType.Int64 => 8,
            _ => throw new TabularException($"{field}.dtype: expected DTYPE_INT32 or DTYPE_INT64; got {t.Dtype}"),
        };
        if (bytes.Length != (long)count * width)
        {
            throw new TabularException($"{field}.data: {bytes.Length} bytes, expected {(long)count * width} for the shape and dtype");
        }
        var result = new long[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = width == 4
                ? BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(i * 4, 4))
                : BinaryPrimitives.ReadInt64LittleEndian(bytes.Slice(i * 8, 8));
        }
        return result;
    }

    private static ByteString Floats(double[] values, DType type)
    {
        if (type == DType.Float64)
        {
            var bytes = new byte[values.Length * 8];
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
            }
            return UnsafeByteOperations.UnsafeWrap(bytes);
        }
        var single = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(single.AsSpan(i * 4), (float)values[i]);
        }
        return UnsafeByteOperations.UnsafeWrap(single);
    }

    private static ByteString Integers(long[] values, DType type)
    {
        var width = type == DType.Int64 ? 8 : 4;
        var bytes = new byte[values.Length * width];
        for (var i = 0; i < values.Length; i++)
        {
            if (width == 8)
            {
                BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 8), values[i]);
            }
            else
            {
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), (int)values[i]);
            }
        }
        return UnsafeByteOperations.UnsafeWrap(bytes);
    }
}
