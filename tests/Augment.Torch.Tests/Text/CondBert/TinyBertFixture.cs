namespace Augment.Torch.Tests.Text.CondBert;

/// <summary>The tiny PyTorch-written models, made once per test class (python3 + torch start-up is the slow part).</summary>
public sealed class TinyBertFixture : IDisposable
{
    internal TinyBert Gelu { get; } = TinyBert.Create("gelu");

    internal TinyBert GeluNew { get; } = TinyBert.Create("gelu_new");

    public void Dispose()
    {
        Gelu.Dispose();
        GeluNew.Dispose();
    }
}
