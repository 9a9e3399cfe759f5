namespace Augment.Service.Tests.Batches;

/// <summary>The shared-memory stream tests run one class at a time: some check that no ring file of this process is
/// left in /dev/shm.</summary>
[CollectionDefinition(Name)]
public sealed class SharedMemoryCollection
{
    public const string Name = "shared memory streams";
}
