using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;

namespace Augment.Core.Imaging;

/// <summary>Limits checked before and during decoding, so a decompression bomb is refused from its header.</summary>
public sealed class DecodeLimits
{
    private readonly Lazy<Configuration> _configuration;

    /// <summary>Creates limits.</summary>
    /// <param name="maxPixels">Largest width x height accepted (default 64 megapixels).</param>
    /// <param name="maxEncodedBytes">Largest encoded file accepted (default 64 MiB).</param>
    /// <param name="allocationLimitMegabytes">Cap on any single decoder allocation (default 512 MB).</param>
    /// <param name="jpeg">Which JPEG decoder to use (default: libjpeg-turbo when installed).</param>
    public DecodeLimits(long maxPixels = 64L * 1024 * 1024, long maxEncodedBytes = 64L * 1024 * 1024, int allocationLimitMegabytes = 512,
        JpegDecoder jpeg = JpegDecoder.Auto)
    {
        Jpeg = jpeg;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEncodedBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(allocationLimitMegabytes);
        MaxPixels = maxPixels;
        MaxEncodedBytes = maxEncodedBytes;
        AllocationLimitMegabytes = allocationLimitMegabytes;
        _configuration = new Lazy<Configuration>(CreateConfiguration, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The defaults.</summary>
    public static DecodeLimits Default { get; } = new();

    /// <summary>Largest width x height accepted.</summary>
    public long MaxPixels { get; }

    /// <summary>Largest encoded size accepted.</summary>
    public long MaxEncodedBytes { get; }

    /// <summary>The JPEG decoder choice. Decoders differ in their last bits (IDCT rounding): pin one for
    /// byte-identical outputs across machines that may lack libjpeg-turbo.</summary>
    public JpegDecoder Jpeg { get; }

    /// <summary>Cap on a single decoder allocation.</summary>
    public int AllocationLimitMegabytes { get; }

    /// <summary>The ImageSharp configuration enforcing these limits (single-threaded decoding: callers
    /// parallelise across samples).</summary>
    internal Configuration Configuration => _configuration.Value;

    private Configuration CreateConfiguration()
    {
        var config = Configuration.Default.Clone();
        config.MaxDegreeOfParallelism = 1;
        config.PreferContiguousImageBuffers = true;
        config.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
        {
            AllocationLimitMegabytes = AllocationLimitMegabytes,
        });
        return config;
    }
}
