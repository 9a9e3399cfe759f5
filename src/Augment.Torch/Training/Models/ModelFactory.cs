using TorchSharp;
using static TorchSharp.torch;

namespace Augment.Torch.Training.Models;

/// <summary>Builds the built-in models, initialised deterministically from a seed.</summary>
public static class ModelFactory
{
    /// <summary>Builds a model for samples of shape <paramref name="sampleShape"/>: [C, H, W] for images,
    /// [features] for MLP, [length] for TextCNN (with <paramref name="vocabularySize"/>); <paramref name="options"/>
    /// chooses the initialisation and the CNN's padding (default: torch's init, no padding).</summary>
    public static ClassifierNet Create(ModelKind kind, IReadOnlyList<int> sampleShape, int classCount, ulong seed, int vocabularySize = 0, IReadOnlyList<int>? hidden = null, ModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sampleShape);
        options = (options ?? new ModelOptions()).Resolved();
        if (options.Padding != ConvPadding.Valid && kind != ModelKind.Cnn)
        {
            throw new ArgumentException($"--padding {options.Padding.ToString()!.ToLowerInvariant()}: only the cnn model has this switch (model {kind.ToString().ToLowerInvariant()})");
        }
        var net = kind switch
        {
            ModelKind.Cnn => SmallCnn(RequireImage(kind, sampleShape), classCount, options),
            ModelKind.ResNet => ResNet(RequireImage(kind, sampleShape), classCount, options),
            ModelKind.Mlp => Mlp(sampleShape.Aggregate(1, (a, b) => a * b), hidden ?? [256, 128], classCount, options),
            ModelKind.TextCnn => TextCnn(vocabularySize, classCount, options),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown model kind"),
        };
        ParameterInit.Reset(net, seed, scheme: options.Init);
        return net;
    }

    /// <summary>Parses "cnn", "resnet", "mlp" or "textcnn".</summary>
    public static ModelKind Parse(string name) => name.ToLowerInvariant() switch
    {
        "cnn" => ModelKind.Cnn,
        "resnet" => ModelKind.ResNet,
        "mlp" => ModelKind.Mlp,
        "textcnn" => ModelKind.TextCnn,
        _ => throw new ArgumentException($"--model: unknown model '{name}' (expected cnn, resnet, mlp or textcnn)"),
    };

    private static (int C, int H, int W) RequireImage(ModelKind kind, IReadOnlyList<int> shape)
    {
        if (shape.Count != 3)
        {
            throw new ArgumentException($"model {kind}: needs image samples [C, H, W], got [{string.Join(", ", shape)}]");
        }
        return (shape[0], shape[1], shape[2]);
    }

    private static ClassifierNet SmallCnn((int C, int H, int W) s, int classes, ModelOptions options)
    {
        var same = options.Padding == ConvPadding.Same;
        var shrink = same ? 0 : 2;
        var h = ((s.H - shrink) / 2 - shrink) / 2;
        var w = ((s.W - shrink) / 2 - shrink) / 2;
        if (h <= 0 || w <= 0)
        {
            throw new ArgumentException($"model cnn: image {s.H}x{s.W} is too small (needs at least {(same ? 4 : 10)}x{(same ? 4 : 10)})");
        }
        var padding = same ? 1L : 0L;
        var backbone = nn.Sequential(
            ("conv1", nn.Conv2d(s.C, 32, 3, padding: padding)),
            ("relu1", nn.ReLU()),
            ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(32, 64, 3, padding: padding)),
            ("relu2", nn.ReLU()),
            ("pool2", nn.MaxPool2d(2)),
            ("flatten", nn.Flatten()),
            ("fc1", nn.Linear(64L * h * w, 128)),
            ("relu3", nn.ReLU()));
        return new ClassifierNet("cnn", backbone, 128, classes, options);
    }

    private static ClassifierNet ResNet((int C, int H, int W) s, int classes, ModelOptions options)
    {
        var backbone = nn.Sequential(
            ("stem", nn.Sequential(("conv", nn.Conv2d(s.C, 32, 3, padding: 1, bias: false)), ("bn", nn.BatchNorm2d(32)), ("relu", nn.ReLU()))),
            ("stage1", new ResidualBlock(32, 32, 1)),
            ("stage2", new ResidualBlock(32, 64, 2)),
            ("stage3", new ResidualBlock(64, 128, 2)),
            ("pool", nn.AdaptiveAvgPool2d(1)),
            ("flatten", nn.Flatten()));
        return new ClassifierNet("resnet", backbone, 128, classes, options);
    }

    private static ClassifierNet Mlp(int features, IReadOnlyList<int> hidden, int classes, ModelOptions options)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)> { ("flatten", nn.Flatten()) };
        var width = features;
        for (var i = 0; i < hidden.Count; i++)
        {
            layers.Add(($"fc{i + 1}", nn.Linear(width, hidden[i])));
            layers.Add(($"relu{i + 1}", nn.ReLU()));
            width = hidden[i];
        }
        var backbone = nn.Sequential(layers);
        return new ClassifierNet("mlp", backbone, width, classes, options);
    }

    private static ClassifierNet TextCnn(int vocabularySize, int classes, ModelOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 2);
        long[] kernels = [3, 4, 5];
        const long filters = 64;
        return new ClassifierNet("textcnn", new TextCnnBackbone(vocabularySize, 64, kernels, filters), filters * kernels.Length, classes, options);
    }
}
