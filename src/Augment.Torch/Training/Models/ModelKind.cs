namespace Augment.Torch.Training.Models;

/// <summary>The built-in model families.</summary>
public enum ModelKind
{
    /// <summary>Two conv + two dense layers (the PyTorch reference of the README's results table).</summary>
    Cnn,

    /// <summary>A small ResNet: stem + three residual stages (32, 64, 128 channels) + global average pooling.</summary>
    ResNet,

    /// <summary>A multi-layer perceptron for tabular features.</summary>
    Mlp,

    /// <summary>A TextCNN for token ids.</summary>
    TextCnn,
}
