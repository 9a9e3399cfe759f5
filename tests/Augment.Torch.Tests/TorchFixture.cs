using Augment.Torch.Training;

namespace Augment.Torch.Tests;

/// <summary>One libtorch thread for every torch test (deterministic and polite to the shared CPU).</summary>
public sealed class TorchFixture
{
    public TorchFixture() => TorchRuntime.SetThreads(1);
}

[CollectionDefinition("torch")]
public sealed class TorchCollection : ICollectionFixture<TorchFixture>;
