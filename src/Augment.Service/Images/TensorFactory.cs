using System.Runtime.InteropServices;
using Augment.Contracts.V1;
using Google.Protobuf;

namespace Augment.Service.Images;

/// <summary>Builds <see cref="Tensor"/> messages (little-endian, row-major) without copying the data buffer.</summary>
internal static class TensorFactory
{
    /// <summary>Wraps <paramref name="data"/> (not copied: do not change it afterwards).</summary>
    public static Tensor Wrap(DType dtype, byte[] data, params long[] shape) => Wrap(dtype, data.AsMemory(), shape);

    /// <summary>Wraps <paramref name="data"/> (not copied: do not change it afterwards).</summary>
    public static Tensor Wrap(DType dtype, ReadOnlyMemory<byte> data, params long[] shape)
    {
        var tensor = new Tensor { Dtype = dtype, Data = UnsafeByteOperations.UnsafeWrap(data) };
        tensor.Shape.AddRange(shape);
        return tensor;
    }

    /// <summary>An int64 vector.</summary>
    public static Tensor Int64(ReadOnlySpan<long> values) =>
        Wrap(DType.Int64, MemoryMarshal.AsBytes(values).ToArray(), values.Length);

    /// <summary>A float32 matrix of <paramref name="rows"/> x <paramref name="cols"/>.</summary>
    public static Tensor Float32(ReadOnlySpan<float> values, int rows, int cols) =>
        Wrap(DType.Float32, MemoryMarshal.AsBytes(values).ToArray(), rows, cols);
}
