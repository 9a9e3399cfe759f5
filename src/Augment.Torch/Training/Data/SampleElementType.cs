namespace Augment.Torch.Training.Data;

/// <summary>Element type of a sample's features as delivered to the trainer.</summary>
public enum SampleElementType
{
    /// <summary>uint8 (images, NCHW); converted to float32 / 255 on the torch side.</summary>
    UInt8,

    /// <summary>float32 (tabular features).</summary>
    Float32,

    /// <summary>int64 (token ids).</summary>
    Int64,
}
