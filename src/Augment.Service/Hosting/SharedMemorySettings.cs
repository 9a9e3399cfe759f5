namespace Augment.Service.Hosting;

/// <summary>Shared-memory streams for same-host clients (section <c>Augment:SharedMemory</c>): StreamBatches requests
/// with <c>shared_memory.enabled</c> get their tensor bytes through a ring file instead of the messages.</summary>
public sealed class SharedMemorySettings
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Augment:SharedMemory";

    /// <summary>Whether requests may ask for shared memory (FAILED_PRECONDITION when off). Only loopback or Unix-socket
    /// peers are ever served. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Folder of the ring files (a tmpfs). Default <c>/dev/shm</c>.</summary>
    public string Directory { get; set; } = "/dev/shm";

    /// <summary>Ring data bytes of a request that says <c>ring_bytes = 0</c>. Default 32 MiB (three 224x224x3 batches of 64; a
    /// container's default /dev/shm holds 64 MB).</summary>
    public long DefaultRingBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Largest <c>ring_bytes</c> a request may ask for. Default 1 GiB.</summary>
    public long MaxRingBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Checks the values; throws naming the first bad setting.</summary>
    public void Validate()
    {
        const long limit = int.MaxValue - Contracts.Client.SharedMemoryRingLayout.HeaderBytes - 4096;
        if (MaxRingBytes < 4096 || MaxRingBytes > limit)
        {
            throw new InvalidOperationException($"{Section}:{nameof(MaxRingBytes)} must be in [4096, {limit}] (got {MaxRingBytes})");
        }
        if (DefaultRingBytes < 4096 || DefaultRingBytes > MaxRingBytes)
        {
            throw new InvalidOperationException($"{Section}:{nameof(DefaultRingBytes)} must be in [4096, {nameof(MaxRingBytes)} = {MaxRingBytes}] (got {DefaultRingBytes})");
        }
        if (string.IsNullOrWhiteSpace(Directory))
        {
            throw new InvalidOperationException($"{Section}:{nameof(Directory)} must name a folder");
        }
    }
}
