using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert.Model;

/// <summary>Dropout drawn from a seeded generator owned by the training run (never libtorch's global one),
/// so that a fine-tuning run with a given seed repeats exactly.</summary>
internal sealed class DropoutSource
{
    /// <summary>The generator masks are drawn from while training; <c>null</c> disables dropout.</summary>
    public Generator? Generator { get; set; }

    public Tensor Apply(Tensor x, double p, bool training)
    {
        if (!training || p <= 0 || Generator is null)
        {
            return x;
        }

        var keep = rand(x.shape, generator: Generator, dtype: x.dtype, device: x.device).ge_(p);
        return x * keep * (1.0 / (1.0 - p));
    }
}
