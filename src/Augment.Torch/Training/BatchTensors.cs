using System.Runtime.InteropServices;
using Augment.Torch.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Augment.Torch.Training;

/// <summary>Host batches to torch tensors: uint8 becomes float32 / 255 on the torch side, then optionally
/// (v/255 − mean)/std; image batches get channels-last strides (<see cref="ChannelsLast"/>).</summary>
internal static class BatchTensors
{
    public static Tensor Features(HostBatch batch, ISampleSource source, InputNormalization? normalization = null)
    {
        long[] dims = [batch.Count, .. source.SampleShape.Select(d => (long)d)];
        switch (source.ElementType)
        {
            case SampleElementType.UInt8:
                using (var flat = tensor(batch.Features, dims, ScalarType.Byte))
                using (var raw = ChannelsLast.Of(flat))
                {
                    using (var scale = 255f.ToScalar()) // explicit: see InputNormalization.Apply
                    {
                        var scaled = raw.to_type(ScalarType.Float32).div_(scale);
                        return normalization is null ? scaled : normalization.Apply(scaled);
                    }
                }
            case SampleElementType.Float32:
                return tensor(MemoryMarshal.Cast<byte, float>(batch.Features).ToArray(), dims);
            default:
                return tensor(MemoryMarshal.Cast<byte, long>(batch.Features).ToArray(), dims);
        }
    }

    public static Tensor Labels(HostBatch batch) => tensor(batch.Labels, ScalarType.Int64);
}
