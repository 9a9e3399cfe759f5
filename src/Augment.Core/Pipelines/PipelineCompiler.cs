using Augment.Contracts.V1;
using Augment.Core.Imaging;
using Augment.Core.Pipelines.Nodes;

namespace Augment.Core.Pipelines;

/// <summary>Validates a <see cref="Pipeline"/> spec and compiles it into an immutable, thread-safe
/// <see cref="ImagePipeline"/>. Every problem is reported with its field path.</summary>
public static class PipelineCompiler
{
    /// <summary>Compiles <paramref name="spec"/>; throws <see cref="SpecException"/> listing every error.</summary>
    public static ImagePipeline Compile(Pipeline spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var check = new SpecChecker();
        var nodes = CompileList(spec.Nodes, "nodes", check);
        var output = spec.Output ?? new ImageOutput();
        if (output.Mean.Count != output.Std.Count)
        {
            check.Fail("output", $"mean has {output.Mean.Count} values but std has {output.Std.Count}");
        }
        for (var i = 0; i < output.Std.Count; i++)
        {
            if (!(output.Std[i] > 0))
            {
                check.Fail($"output.std[{i}]", $"must be > 0, got {output.Std[i]}");
            }
        }
        if (spec.Boxes is { } boxes)
        {
            check.Within(boxes.MinVisibility, 0, 1, "boxes.min_visibility");
            if (boxes.HasMinSize)
            {
                check.NonNegative(boxes.MinSize, "boxes.min_size");
            }
        }
        if (check.Errors.Count > 0)
        {
            throw new SpecException(check.Errors);
        }
        return new ImagePipeline(spec.Clone(), nodes);
    }

    private static ImageNode[] CompileList(IList<Node> nodes, string path, SpecChecker check)
    {
        var result = new ImageNode[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            result[i] = CompileNode(nodes[i], $"{path}[{i}]", check);
        }
        return result;
    }

    private static ImageNode CompileNode(Node node, string path, SpecChecker check)
    {
        var p = node.HasP ? node.P : 1f;
        if (!(p >= 0 && p <= 1))
        {
            check.Fail($"{path}.p", $"must lie within [0, 1], got {node.P}");
        }
        var info = new NodeInfo(path, node.Id, p);
        var at = $"{path}.{OpName(node.OpCase)}";
        switch (node.OpCase)
        {
            case Node.OpOneofCase.Sequence:
                return new SequenceNode(info, CompileList(node.Sequence.Nodes, $"{at}.nodes", check));
            case Node.OpOneofCase.OneOf:
                return CompileOneOf(info, node.OneOf, at, check);
            case Node.OpOneofCase.SomeOf:
            {
                var children = CompileList(node.SomeOf.Nodes, $"{at}.nodes", check);
                if (node.SomeOf.N < 0 || (!node.SomeOf.Replace && node.SomeOf.N > children.Length))
                {
                    check.Fail($"{at}.n", $"must lie within [0, {children.Length}] without replacement, got {node.SomeOf.N}");
                }
                if (children.Length == 0 && node.SomeOf.N > 0)
                {
                    check.Fail($"{at}.nodes", "needs at least one node");
                }
                return new SomeOfNode(info, children, node.SomeOf.N, node.SomeOf.Replace);
            }
            case Node.OpOneofCase.RandomOrder:
                return new RandomOrderNode(info, CompileList(node.RandomOrder.Nodes, $"{at}.nodes", check));
            case Node.OpOneofCase.HorizontalFlip:
                return new FlipNode(info, vertical: false);
            case Node.OpOneofCase.VerticalFlip:
                return new FlipNode(info, vertical: true);
            case Node.OpOneofCase.Rotate:
            {
                var r = node.Rotate;
                if (r.Degrees is null)
                {
                    check.Fail($"{at}.degrees", "is required");
                }
                var (min, max) = check.Range(r.Degrees, $"{at}.degrees", 0, 0, -360, 360);
                return new RotateNode(info, min, max, r.Expand, check.Fill(r.Fill, $"{at}.fill"));
            }
            case Node.OpOneofCase.Affine:
            {
                var a = node.Affine;
                var degrees = check.Range(a.Degrees, $"{at}.degrees", 0, 0, -360, 360);
                check.Within(a.TranslateX, 0, 1, $"{at}.translate_x");
                check.Within(a.TranslateY, 0, 1, $"{at}.translate_y");
                var scale = check.Range(a.Scale, $"{at}.scale", 1, 1, 1e-3, 100);
                var shearX = check.Range(a.ShearX, $"{at}.shear_x", 0, 0, -89, 89);
                var shearY = check.Range(a.ShearY, $"{at}.shear_y", 0, 0, -89, 89);
                return new AffineNode(info, degrees, a.TranslateX, a.TranslateY, scale, shearX, shearY, check.Fill(a.Fill, $"{at}.fill"));
            }
            case Node.OpOneofCase.Perspective:
            {
                var d = node.Perspective.HasDistortionScale ? node.Perspective.DistortionScale : 0.5f;
                check.Within(d, 0, 1, $"{at}.distortion_scale");
                return new PerspectiveNode(info, d, check.Fill(node.Perspective.Fill, $"{at}.fill"));
            }
            case Node.OpOneofCase.RandomResizedCrop:
            {
                var c = node.RandomResizedCrop;
                check.Positive(c.Width, $"{at}.width");
                check.Positive(c.Height, $"{at}.height");
                var scale = check.Range(c.Scale, $"{at}.scale", 0.08, 1, 1e-6, 1);
                var ratio = check.Range(c.Ratio, $"{at}.ratio", 3.0 / 4, 4.0 / 3, 1e-6, 1e6);
                return new RandomResizedCropNode(info, c.Width, c.Height, scale, ratio);
            }
            case Node.OpOneofCase.RandomCrop:
            {
                var c = node.RandomCrop;
                check.Positive(c.Width, $"{at}.width");
                check.Positive(c.Height, $"{at}.height");
                check.NonNegative(c.Padding, $"{at}.padding");
                return new RandomCropNode(info, c.Width, c.Height, c.Padding, c.PadIfNeeded, check.Fill(c.Fill, $"{at}.fill"));
            }
            case Node.OpOneofCase.CenterCrop:
                check.Positive(node.CenterCrop.Width, $"{at}.width");
                check.Positive(node.CenterCrop.Height, $"{at}.height");
                return new CenterCropNode(info, node.CenterCrop.Width, node.CenterCrop.Height);
            case Node.OpOneofCase.Resize:
            {
                var r = node.Resize;
                if (r.ShorterSide > 0)
                {
                    if (r.Width != 0 || r.Height != 0)
                    {
                        check.Fail(at, "set either width and height or shorter_side, not both");
                    }
                    if (r.MaxSize < 0 || (r.MaxSize > 0 && r.MaxSize < r.ShorterSide))
                    {
                        check.Fail($"{at}.max_size", $"must be 0 or >= shorter_side, got {r.MaxSize}");
                    }
                }
                else
                {
                    check.Positive(r.Width, $"{at}.width");
                    check.Positive(r.Height, $"{at}.height");
                }
                return new ResizeNode(info, r.Width, r.Height, r.ShorterSide, r.MaxSize);
            }
            case Node.OpOneofCase.Pad:
            {
                var d = node.Pad;
                check.NonNegative(d.Left, $"{at}.left");
                check.NonNegative(d.Top, $"{at}.top");
                check.NonNegative(d.Right, $"{at}.right");
                check.NonNegative(d.Bottom, $"{at}.bottom");
                return new PadNode(info, d.Left, d.Top, d.Right, d.Bottom, check.Fill(d.Fill, $"{at}.fill"));
            }
            case Node.OpOneofCase.ColorJitter:
            {
                var j = node.ColorJitter;
                check.NonNegative(j.Brightness, $"{at}.brightness");
                check.NonNegative(j.Contrast, $"{at}.contrast");
                check.NonNegative(j.Saturation, $"{at}.saturation");
                check.Within(j.Hue, 0, 0.5, $"{at}.hue");
                return new ColorJitterNode(info, Factor(j.Brightness), Factor(j.Contrast), Factor(j.Saturation),
                    j.Hue > 0 ? (-j.Hue, j.Hue) : null);
            }
            case Node.OpOneofCase.RgbShift:
            {
                var s = node.RgbShift;
                check.Within(s.RShiftLimit, 0, 255, $"{at}.r_shift_limit");
                check.Within(s.GShiftLimit, 0, 255, $"{at}.g_shift_limit");
                check.Within(s.BShiftLimit, 0, 255, $"{at}.b_shift_limit");
                return new RgbShiftNode(info, s.RShiftLimit, s.GShiftLimit, s.BShiftLimit);
            }
            case Node.OpOneofCase.Grayscale:
                return new ColorMatrixNode(info, ColorMatrix.Grayscale());
            case Node.OpOneofCase.ChannelShuffle:
                return new ChannelShuffleNode(info);
            case Node.OpOneofCase.GaussianBlur:
            {
                var b = node.GaussianBlur;
                if (b.KernelSize < 0 || (b.KernelSize > 0 && b.KernelSize % 2 == 0) || b.KernelSize > 255)
                {
                    check.Fail($"{at}.kernel_size", $"must be 0 or an odd number up to 255, got {b.KernelSize}");
                }
                var sigma = check.Range(b.Sigma, $"{at}.sigma", 0.1, 2.0, 1e-3, 40);
                return new GaussianBlurNode(info, b.KernelSize, sigma);
            }
            case Node.OpOneofCase.GaussianNoise:
            {
                var n = node.GaussianNoise;
                check.Within(n.Mean, -1, 1, $"{at}.mean");
                var sigma = check.Range(n.Sigma, $"{at}.sigma", 0.1, 0.1, 0, 1);
                return new GaussianNoiseNode(info, n.Mean, sigma, n.SameForAllChannels);
            }
            case Node.OpOneofCase.Posterize:
            {
                var bits = node.Posterize.Bits;
                check.Within(bits, 1, 8, $"{at}.bits");
                return new LutNode(info, c => ImageActions.Posterize(c, bits));
            }
            case Node.OpOneofCase.Solarize:
            {
                var t = node.Solarize.HasThreshold ? node.Solarize.Threshold : 128f;
                check.Within(t, 0, 256, $"{at}.threshold");
                return new LutNode(info, c => ImageActions.Solarize(c, t));
            }
            case Node.OpOneofCase.Equalize:
                return new LutNode(info, ImageActions.Equalize);
            case Node.OpOneofCase.AutoContrast:
                return new LutNode(info, ImageActions.AutoContrast);
            case Node.OpOneofCase.Invert:
                return new ColorMatrixNode(info, ColorMatrix.Invert());
            case Node.OpOneofCase.Sharpness:
            {
                if (node.Sharpness.Factor is null)
                {
                    check.Fail($"{at}.factor", "is required");
                }
                return new SharpnessNode(info, check.Range(node.Sharpness.Factor, $"{at}.factor", 1, 1, 0, 100));
            }
            case Node.OpOneofCase.RandomErasing:
            {
                var e = node.RandomErasing;
                var scale = check.Range(e.Scale, $"{at}.scale", 0.02, 0.33, 0, 1);
                var ratio = check.Range(e.Ratio, $"{at}.ratio", 0.3, 3.3, 1e-6, 1e6);
                return new RandomErasingNode(info, scale, ratio, check.Fill(e.Fill, $"{at}.fill"), e.RandomFill);
            }
            case Node.OpOneofCase.Cutout:
            {
                var c = node.Cutout;
                check.Positive(c.NumHoles, $"{at}.num_holes");
                check.Positive(c.Length, $"{at}.length");
                return new CutoutNode(info, c.NumHoles, c.Length, check.Fill(c.Fill, $"{at}.fill"));
            }
            case Node.OpOneofCase.RandAugment:
            {
                var r = node.RandAugment;
                var ops = r.HasNumOps ? r.NumOps : 2;
                var bins = r.HasNumMagnitudeBins ? r.NumMagnitudeBins : 31;
                var magnitude = r.HasMagnitude ? r.Magnitude : 9;
                check.Within(ops, 0, 16, $"{at}.num_ops");
                check.Within(bins, 1, 1000, $"{at}.num_magnitude_bins");
                check.Within(magnitude, 0, bins - 1, $"{at}.magnitude");
                return new RandAugmentNode(info, ops, magnitude, bins, check.Fill(r.Fill, $"{at}.fill"));
            }
            case Node.OpOneofCase.TrivialAugmentWide:
            {
                var t = node.TrivialAugmentWide;
                var bins = t.HasNumMagnitudeBins ? t.NumMagnitudeBins : 31;
                check.Within(bins, 1, 1000, $"{at}.num_magnitude_bins");
                return new TrivialAugmentWideNode(info, bins, check.Fill(t.Fill, $"{at}.fill"));
            }
            case Node.OpOneofCase.None:
                check.Fail(path, "no operation set (expected one of: " + string.Join(", ", OperationCatalog.Names) + ")");
                return new SequenceNode(info, []);
            default:
                check.Fail(path, $"unsupported operation {node.OpCase}");
                return new SequenceNode(info, []);
        }
    }

    private static OneOfNode CompileOneOf(NodeInfo info, OneOf spec, string at, SpecChecker check)
    {
        var children = CompileList(spec.Nodes, $"{at}.nodes", check);
        if (children.Length == 0)
        {
            check.Fail($"{at}.nodes", "needs at least one node");
        }
        if (spec.Weights.Count != 0 && spec.Weights.Count != children.Length)
        {
            check.Fail($"{at}.weights", $"has {spec.Weights.Count} weights for {children.Length} nodes");
        }
        var cumulative = new double[Math.Max(1, children.Length)];
        double sum = 0;
        for (var i = 0; i < children.Length; i++)
        {
            var w = spec.Weights.Count == children.Length ? spec.Weights[i] : 1f;
            if (!(w >= 0) || !float.IsFinite(w))
            {
                check.Fail($"{at}.weights[{i}]", $"must be >= 0, got {w}");
            }
            sum += Math.Max(0, w);
            cumulative[i] = sum;
        }
        if (children.Length > 0 && !(sum > 0))
        {
            check.Fail($"{at}.weights", "must not all be zero");
        }
        return new OneOfNode(info, children, cumulative);
    }

    private static (double, double)? Factor(float x) => x > 0 ? (Math.Max(0, 1 - x), 1 + x) : null;

    internal static string OpName(Node.OpOneofCase op) => op == Node.OpOneofCase.None ? "op" : OperationCatalog.SnakeCase(op.ToString());
}
