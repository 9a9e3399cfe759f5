using Augment.Contracts.V1;
using Google.Protobuf;

namespace Augment.Contracts.Client;

/// <summary>A protobuf wire reader for <see cref="Batch"/> that copies each tensor's bytes once, into a new array that is
/// not zeroed first, instead of through the generated parser's zeroed <see cref="ByteString"/> copy. Small
/// sub-messages (epoch info, skipped samples, boxes, text payloads) go through the generated parsers. It reads only the
/// canonical encoding the server writes; anything else (unknown fields, a singular field twice, two payloads, malformed
/// input) returns <see langword="null"/> so that the caller falls back to the generated parser, which gives the exact
/// protobuf semantics (merging, unknown-field preservation, errors).</summary>
internal static class BatchWire
{
    private const int Varint = 0;
    private const int Fixed64 = 1;
    private const int LengthDelimited = 2;
    private const int Fixed32 = 5;

    /// <summary>The batch in <paramref name="data"/>, or null when it is not in the canonical form read here. Tensor bytes
    /// go to arrays from <paramref name="pool"/> when given (large tensors only), else to new arrays.</summary>
    public static Batch? TryParse(ReadOnlySpan<byte> data, PooledBatchMarshaller? pool = null)
    {
        try
        {
            return new Reader(pool).ParseBatch(data);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    private readonly struct Reader(PooledBatchMarshaller? pool)
    {
        public Batch? ParseBatch(ReadOnlySpan<byte> data)
        {
            var batch = new Batch();
            var seen = 0UL;
            var pos = 0;
            while (pos < data.Length)
            {
                if (!TryReadTag(data, ref pos, out var field, out var wire) || (field != 7 && !Once(ref seen, field)))
                {
                    return null;
                }
                if (wire == Varint)
                {
                    if (!TryReadVarint(data, ref pos, out var value))
                    {
                        return null;
                    }
                    switch (field)
                    {
                        case 1: batch.Epoch = (long)value; break;
                        case 2: batch.BatchIndex = (long)value; break;
                        case 9: batch.SharedMemoryRelease = (long)value; break;
                        default: return null;
                    }
                    continue;
                }
                if (wire != LengthDelimited || !TryReadLength(data, ref pos, out var start, out var length))
                {
                    return null;
                }
                var body = data.Slice(start, length);
                switch (field)
                {
                    case 3: if ((batch.Indices = ParseTensor(body)) is null) { return null; } break;
                    case 4: if ((batch.Labels = ParseTensor(body)) is null) { return null; } break;
                    case 5: if ((batch.Keys = ParseTensor(body)) is null) { return null; } break;
                    case 6: batch.EpochInfo = EpochInfo.Parser.ParseFrom(body); break;
                    case 7: batch.Skipped.Add(SkippedSample.Parser.ParseFrom(body)); break;
                    case 8: batch.SharedMemoryRing = SharedMemoryRing.Parser.ParseFrom(body); break;
                    case 10:
                        if (batch.PayloadCase != Batch.PayloadOneofCase.None || (batch.Image = ParseImage(body)) is null)
                        {
                            return null;
                        }
                        break;
                    case 11:
                        if (batch.PayloadCase != Batch.PayloadOneofCase.None)
                        {
                            return null;
                        }
                        batch.Text = TextPayload.Parser.ParseFrom(body);
                        break;
                    case 12:
                        if (batch.PayloadCase != Batch.PayloadOneofCase.None || (batch.Tabular = ParseTabular(body)) is null)
                        {
                            return null;
                        }
                        break;
                    default: return null;
                }
            }
            return batch;
        }

        private ImagePayload? ParseImage(ReadOnlySpan<byte> data)
        {
            var payload = new ImagePayload();
            var pos = 0;
            var seenImages = false;
            while (pos < data.Length)
            {
                if (!TryReadTag(data, ref pos, out var field, out var wire) || wire != LengthDelimited
                    || !TryReadLength(data, ref pos, out var start, out var length))
                {
                    return null;
                }
                var body = data.Slice(start, length);
                switch (field)
                {
                    case 1:
                        if (seenImages || (payload.Images = ParseTensor(body)) is null)
                        {
                            return null;
                        }
                        seenImages = true;
                        break;
                    case 2: payload.Boxes.Add(SampleBoxes.Parser.ParseFrom(body)); break;
                    default: return null;
                }
            }
            return payload;
        }

        private TabularPayload? ParseTabular(ReadOnlySpan<byte> data)
        {
            var payload = new TabularPayload();
            var seen = 0UL;
            var pos = 0;
            while (pos < data.Length)
            {
                if (!TryReadTag(data, ref pos, out var field, out var wire) || wire != LengthDelimited
                    || (field != 1 && !Once(ref seen, field)) || !TryReadLength(data, ref pos, out var start, out var length))
                {
                    return null;
                }
                var body = data.Slice(start, length);
                switch (field)
                {
                    case 1:
                        // Invalid UTF-8 is left to the generated parser's own handling.
                        if (!System.Text.Unicode.Utf8.IsValid(body))
                        {
                            return null;
                        }
                        payload.Columns.Add(System.Text.Encoding.UTF8.GetString(body));
                        break;
                    case 2: if ((payload.Features = ParseTensor(body)) is null) { return null; } break;
                    case 3: if ((payload.Synthetic = ParseTensor(body)) is null) { return null; } break;
                    default: return null;
                }
            }
            return payload;
        }

        private Tensor? ParseTensor(ReadOnlySpan<byte> data)
        {
            var tensor = new Tensor();
            var seen = 0UL;
            var pos = 0;
            while (pos < data.Length)
            {
                if (!TryReadTag(data, ref pos, out var field, out var wire))
                {
                    return null;
                }
                switch (field, wire)
                {
                    case (1, Varint):
                        if (!Once(ref seen, 1) || !TryReadVarint(data, ref pos, out var dtype))
                        {
                            return null;
                        }
                        tensor.Dtype = (DType)(int)dtype;
                        break;
                    case (2, Varint):
                        if (!TryReadVarint(data, ref pos, out var dim))
                        {
                            return null;
                        }
                        tensor.Shape.Add((long)dim);
                        break;
                    case (2, LengthDelimited):
                        {
                            if (!TryReadLength(data, ref pos, out var start, out var length))
                            {
                                return null;
                            }
                            var packed = data.Slice(start, length);
                            var p = 0;
                            while (p < packed.Length)
                            {
                                if (!TryReadVarint(packed, ref p, out var d))
                                {
                                    return null;
                                }
                                tensor.Shape.Add((long)d);
                            }
                            break;
                        }
                    case (3, LengthDelimited):
                        {
                            if (!Once(ref seen, 3) || !TryReadLength(data, ref pos, out var start, out var length))
                            {
                                return null;
                            }
                            if (length > 0)
                            {
                                // The one copy of the tensor bytes: into an array of its own (or a pooled one), not zeroed first.
                                tensor.Data = UnsafeByteOperations.UnsafeWrap(pool is null
                                    ? Copy(data.Slice(start, length))
                                    : pool.Copy(tensor, data.Slice(start, length)));
                            }
                            break;
                        }
                    case (4, LengthDelimited):
                        {
                            if (!Once(ref seen, 4) || !TryReadLength(data, ref pos, out var start, out var length))
                            {
                                return null;
                            }
                            tensor.SharedMemory = SharedMemorySlice.Parser.ParseFrom(data.Slice(start, length));
                            break;
                        }
                    default:
                        return null;
                }
            }
            return tensor;
        }
    }

    private static byte[] Copy(ReadOnlySpan<byte> source)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(source.Length);
        source.CopyTo(bytes);
        return bytes;
    }

    private static bool Once(ref ulong seen, int field)
    {
        if (field >= 64)
        {
            return false;
        }
        var bit = 1UL << field;
        if ((seen & bit) != 0)
        {
            return false;
        }
        seen |= bit;
        return true;
    }

    private static bool TryReadTag(ReadOnlySpan<byte> data, ref int pos, out int field, out int wire)
    {
        field = wire = 0;
        if (!TryReadVarint(data, ref pos, out var tag) || tag > uint.MaxValue)
        {
            return false;
        }
        field = (int)(tag >> 3);
        wire = (int)(tag & 7);
        return field > 0 && wire is Varint or LengthDelimited or Fixed64 or Fixed32;
    }

    private static bool TryReadLength(ReadOnlySpan<byte> data, ref int pos, out int start, out int length)
    {
        start = length = 0;
        if (!TryReadVarint(data, ref pos, out var value) || value > (ulong)(data.Length - pos))
        {
            return false;
        }
        start = pos;
        length = (int)value;
        pos += length;
        return true;
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> data, ref int pos, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (pos >= data.Length)
            {
                return false;
            }
            var b = data[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }
        return false;
    }
}
