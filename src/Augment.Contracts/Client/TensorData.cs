using System.Runtime.InteropServices;
using Augment.Contracts.V1;

namespace Augment.Contracts.Client;

/// <summary>Access to a tensor's bytes without copying them.</summary>
public static class TensorData
{
    /// <summary>The array that holds <paramref name="tensor"/>'s bytes when they fill one whole array (as they do in parsed
    /// batches, from <see cref="BatchMarshaller"/> or the generated parser), else a copy (e.g. for pooled tensors of a
    /// <see cref="PooledBatchMarshaller"/>, whose arrays are longer: use <c>tensor.Data.Span</c> for those). The array is shared with the message: do not change it while
    /// the message is in use.</summary>
    public static byte[] Array(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return MemoryMarshal.TryGetArray(tensor.Data.Memory, out var segment) && segment.Array is { } array
            && segment.Offset == 0 && segment.Count == array.Length
            ? array
            : tensor.Data.ToByteArray();
    }
}
