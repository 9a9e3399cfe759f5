namespace Augment.Core.Pipelines.Nodes;

/// <summary>The operations of torchvision's RandAugment and TrivialAugmentWide, in torchvision's order.</summary>
internal enum PolicyOp
{
    Identity,
    ShearX,
    ShearY,
    TranslateX,
    TranslateY,
    Rotate,
    Brightness,
    Color,
    Contrast,
    Sharpness,
    Posterize,
    Solarize,
    AutoContrast,
    Equalize,
}
