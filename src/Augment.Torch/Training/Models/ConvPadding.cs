namespace Augment.Torch.Training.Models;

/// <summary>Padding of the small CNN's 3x3 convolutions.</summary>
public enum ConvPadding
{
    /// <summary>No padding (Keras 'valid'): 28x28 → 26 → pool 13 → 11 → pool 5, 64·5·5 features.</summary>
    Valid,

    /// <summary>Padding 1 (Keras 'same'): 28x28 → 28 → pool 14 → 14 → pool 7, 64·7·7 features.</summary>
    Same,
}
