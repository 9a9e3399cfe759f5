namespace Augment.Core.Imaging;

/// <summary>A point in pixel coordinates; <see cref="Visible"/> turns false when it leaves the image.</summary>
public readonly record struct Keypoint(float X, float Y, bool Visible = true);
