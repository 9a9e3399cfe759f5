namespace Augment.Core.Imaging;

/// <summary>An image with the targets that follow its geometry: boxes, keypoints and a segmentation mask.</summary>
public sealed class AugmentSample
{
    /// <summary>A sample with only an image.</summary>
    public AugmentSample(ImageBuffer image)
    {
        Image = image ?? throw new ArgumentNullException(nameof(image));
    }

    /// <summary>The image.</summary>
    public ImageBuffer Image { get; init; }

    /// <summary>Boxes in pixel coordinates of <see cref="Image"/>.</summary>
    public IReadOnlyList<BoundingBox> Boxes { get; init; } = [];

    /// <summary>Keypoints in pixel coordinates of <see cref="Image"/>.</summary>
    public IReadOnlyList<Keypoint> Keypoints { get; init; } = [];

    /// <summary>Optional one-channel label mask of the same size as <see cref="Image"/>; resampled nearest-neighbour.</summary>
    public ImageBuffer? Mask { get; init; }
}
