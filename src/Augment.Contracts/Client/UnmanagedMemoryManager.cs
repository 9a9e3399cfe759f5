using System.Buffers;

namespace Augment.Contracts.Client;

/// <summary><see cref="Memory{T}"/> over native memory that outlives every use of it (a mapping the owner unmaps
/// only after its users are done).</summary>
internal sealed unsafe class UnmanagedMemoryManager(byte* pointer, int length) : MemoryManager<byte>
{
    /// <inheritdoc />
    public override Span<byte> GetSpan() => new(pointer, length);

    /// <inheritdoc />
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, length);
        return new MemoryHandle(pointer + elementIndex);
    }

    /// <inheritdoc />
    public override void Unpin()
    {
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
    }
}
