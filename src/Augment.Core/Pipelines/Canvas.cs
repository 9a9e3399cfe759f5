using Augment.Contracts.V1;
using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Pipelines;

/// <summary>The per-sample execution state of a pipeline run. Geometric steps accumulate into one projective
/// matrix and colour-matrix steps into one colour matrix; either is applied (one pass) only when a step needs
/// the pixels. Created for one sample and one thread; never shared.</summary>
internal sealed class Canvas
{
    private readonly Interpolation _interpolation;
    private readonly BoxParams? _boxParams;
    private ImageBuffer _image;
    private Matrix3 _geometry = Matrix3.Identity;
    private bool _geometryPending;
    private float[] _fill = [];
    private ColorMatrix _color = ColorMatrix.Identity;
    private bool _colorPending;
    private float[]? _mean;
    private List<BoundingBox> _boxes;
    private List<Keypoint> _keypoints;
    private ImageBuffer? _mask;

    public Canvas(AugmentSample sample, SampleKey key, Interpolation interpolation, BoxParams? boxParams)
    {
        _image = sample.Image;
        _boxes = [.. sample.Boxes];
        _keypoints = [.. sample.Keypoints];
        _mask = sample.Mask;
        Key = key;
        Width = sample.Image.Width;
        Height = sample.Image.Height;
        _interpolation = interpolation;
        _boxParams = boxParams;
        if (_mask is not null && (_mask.Width != Width || _mask.Height != Height || _mask.Channels != 1))
        {
            throw new ArgumentException($"mask is {_mask.Width}x{_mask.Height}x{_mask.Channels}, expected {Width}x{Height}x1");
        }
    }

    /// <summary>The key of the sample being processed.</summary>
    public SampleKey Key { get; }

    /// <summary>Current (virtual) width after the geometric steps so far.</summary>
    public int Width { get; private set; }

    /// <summary>Current (virtual) height after the geometric steps so far.</summary>
    public int Height { get; private set; }

    /// <summary>1 or 3.</summary>
    public int Channels => _image.Channels;

    /// <summary>Adds a geometric step: <paramref name="forward"/> maps current canvas coordinates to the new
    /// canvas of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public void Transform(in Matrix3 forward, int width, int height, IReadOnlyList<float>? fill = null)
    {
        FlushColor();
        _geometry = forward * _geometry;
        Width = width;
        Height = height;
        if (fill is { Count: > 0 })
        {
            _fill = [.. fill];
        }
        _geometryPending = true;
    }

    /// <summary>Adds a colour-matrix step.</summary>
    public void Color(in ColorMatrix m)
    {
        FlushGeometry();
        _color = m * _color;
        _colorPending = true;
    }

    /// <summary>Mean grey level of the current image (after pending colour steps), for contrast.</summary>
    public float MeanGrey()
    {
        FlushGeometry();
        _mean ??= ColorKernels.MeanPerChannel(_image);
        var (r, g, b) = _mean.Length == 1 ? _color.Apply(_mean[0], _mean[0], _mean[0]) : _color.Apply(_mean[0], _mean[1], _mean[2]);
        // torchvision computes the mean of the grey image rounded to uint8 pixels; we use the exact mean.
        return ColorMatrix.LumaR * r + ColorMatrix.LumaG * g + ColorMatrix.LumaB * b;
    }

    /// <summary>The current pixels with every pending step applied.</summary>
    public ImageBuffer Pixels()
    {
        FlushGeometry();
        FlushColor();
        return _image;
    }

    /// <summary>Replaces the pixels with the result of a kernel applied to <see cref="Pixels"/>.</summary>
    public void Replace(ImageBuffer image)
    {
        if (image.Width != Width || image.Height != Height)
        {
            throw new InvalidOperationException("a pixel step must keep the image size");
        }
        _image = image;
        _mean = null;
    }

    /// <summary>Applies everything still pending and returns the result.</summary>
    public AugmentSample Finish()
    {
        var image = Pixels();
        return new AugmentSample(image) { Boxes = _boxes, Keypoints = _keypoints, Mask = _mask };
    }

    private void FlushColor()
    {
        if (!_colorPending)
        {
            return;
        }
        _colorPending = false;
        var m = _color;
        _color = ColorMatrix.Identity;
        if (m != ColorMatrix.Identity)
        {
            Replace(ColorKernels.ApplyMatrix(_image, m));
        }
    }

    private void FlushGeometry()
    {
        if (!_geometryPending)
        {
            return;
        }
        _geometryPending = false;
        var forward = _geometry;
        _geometry = Matrix3.Identity;
        if (forward == Matrix3.Identity && Width == _image.Width && Height == _image.Height)
        {
            return;
        }
        if (forward.IsIntegerTranslation(out var dx, out var dy))
        {
            _image = WarpKernels.CropPad(_image, -dx, -dy, Width, Height, _fill);
            if (_mask is not null)
            {
                _mask = WarpKernels.CropPad(_mask, -dx, -dy, Width, Height, []);
            }
        }
        else
        {
            var inverse = forward.Invert();
            _image = WarpKernels.Warp(_image, inverse, Width, Height, _fill, _interpolation == Interpolation.Nearest);
            if (_mask is not null)
            {
                _mask = WarpKernels.Warp(_mask, inverse, Width, Height, [], nearest: true);
            }
        }
        _mean = null;
        _fill = [];
        _boxes = TargetTransforms.Boxes(_boxes, forward, Width, Height, _boxParams);
        _keypoints = TargetTransforms.Keypoints(_keypoints, forward, Width, Height);
    }
}
