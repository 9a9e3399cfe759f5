using Augment.Contracts.V1;
using Augment.Core.Imaging;
using Augment.Core.Pipelines;
using Augment.Core.Randomness;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Augment.Core.Tests.Pipelines;

public class GeometryPropertyTests
{
    private static ImagePipeline Compile(string nodes) => PipelineCompiler.Compile(SpecJson.Parse($$"""{"nodes":[{{nodes}}]}"""));

    [Property(MaxTest = 50)]
    public Property FlipTwice_IsIdentity(PositiveInt w, PositiveInt h, bool vertical)
    {
        var image = TestImages.Rgb(w.Get % 40 + 1, h.Get % 40 + 1);
        var flip = vertical ? """{"verticalFlip":{}}""" : """{"horizontalFlip":{}}""";
        var twice = Compile($"{flip},{flip}").Run(new AugmentSample(image), new SampleKey(0, 0, 0));
        var once = Compile(flip).Run(new AugmentSample(image), new SampleKey(0, 0, 0));
        var twiceSeparately = Compile(flip).Run(once, new SampleKey(0, 0, 0));
        return (twice.Image.Pixels.SequenceEqual(image.Pixels) && twiceSeparately.Image.Pixels.SequenceEqual(image.Pixels)).ToProperty();
    }

    [Fact]
    public void HorizontalFlip_MovesPixelsExactly()
    {
        var image = TestImages.Rgb(5, 3);
        var output = Compile("""{"horizontalFlip":{}}""").Run(new AugmentSample(image), new SampleKey(0, 0, 0)).Image;
        for (var y = 0; y < 3; y++)
        {
            for (var x = 0; x < 5; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(image.Pixels[(y * 5 + x) * 3 + c], output.Pixels[(y * 5 + (4 - x)) * 3 + c]);
                }
            }
        }
    }

    [Fact]
    public void RotateZero_IsIdentity()
    {
        var image = TestImages.Rgb();
        var output = Compile("""{"rotate":{"degrees":{"min":0,"max":0}}}""").Run(new AugmentSample(image), new SampleKey(0, 0, 0));
        Assert.Equal(image.Pixels, output.Image.Pixels);
    }

    [Fact]
    public void Rotate90_OnSquare_IsExactTransposeFlip()
    {
        var image = TestImages.Rgb(16, 16);
        var output = Compile("""{"rotate":{"degrees":{"min":90,"max":90}}}""").Run(new AugmentSample(image), new SampleKey(0, 0, 0)).Image;
        // Counter-clockwise: source (x, y) lands at (y, W - 1 - x).
        for (var y = 0; y < 16; y++)
        {
            for (var x = 0; x < 16; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(image.Pixels[(y * 16 + x) * 3 + c], output.Pixels[((15 - x) * 16 + y) * 3 + c]);
                }
            }
        }
    }

    [Fact]
    public void ConsecutiveGeometry_FusesIntoOneResampling()
    {
        // Rotating by 33 degrees and back is the identity matrix when fused: the bytes come back exactly.
        // Two separate bilinear passes would blur them.
        var image = TestImages.Rgb();
        var output = Compile("""{"rotate":{"degrees":{"min":33,"max":33}}},{"rotate":{"degrees":{"min":-33,"max":-33}}}""")
            .Run(new AugmentSample(image), new SampleKey(0, 0, 0));
        Assert.Equal(image.Pixels, output.Image.Pixels);
    }

    [Property(MaxTest = 200)]
    public Property RandomResizedCrop_WindowStaysInside(PositiveInt w, PositiveInt h, ulong seed)
    {
        int iw = w.Get % 500 + 1, ih = h.Get % 500 + 1;
        var info = new NodeInfo("n", "", 1);
        var node = new Core.Pipelines.Nodes.RandomResizedCropNode(info, 8, 8, (0.08, 1), (0.75, 4.0 / 3));
        var rng = new Rng(seed);
        var (x, y, cw, ch) = node.Sample(iw, ih, ref rng);
        return (x >= 0 && y >= 0 && cw >= 1 && ch >= 1 && x + cw <= iw && y + ch <= ih).ToProperty();
    }

    [Theory]
    [InlineData("""{"rotate":{"degrees":{"min":-40,"max":40}}}""")]
    [InlineData("""{"affine":{"degrees":{"min":-20,"max":20},"translateX":0.2,"translateY":0.2,"scale":{"min":0.7,"max":1.3},"shearX":{"min":-10,"max":10},"shearY":{"min":-10,"max":10}}}""")]
    [InlineData("""{"perspective":{"distortionScale":0.6}}""")]
    [InlineData("""{"randomResizedCrop":{"width":48,"height":48,"scale":{"min":0.3,"max":1}}}""")]
    [InlineData("""{"horizontalFlip":{}},{"verticalFlip":{}},{"rotate":{"degrees":{"min":-90,"max":90},"expand":true}}""")]
    [InlineData("""{"randomCrop":{"width":40,"height":40,"padding":8}},{"resize":{"width":80,"height":60}}""")]
    public void ColouredBoxRegion_StaysInsideTransformedBox(string nodes)
    {
        var pipeline = PipelineCompiler.Compile(SpecJson.Parse("{\"nodes\":[" + nodes + "],\"boxes\":{\"minSize\":0}}"));
        var image = new ImageBuffer(64, 64, 3);
        var box = new BoundingBox(20, 12, 44, 40, 7);
        for (var y = 12; y < 40; y++)
        {
            for (var x = 20; x < 44; x++)
            {
                image.Pixels[(y * 64 + x) * 3] = 255;
            }
        }
        for (var k = 0; k < 20; k++)
        {
            var result = pipeline.Run(new AugmentSample(image) { Boxes = [box] }, new SampleKey(11, 0, k));
            var img = result.Image;
            var red = 0;
            foreach (var b in result.Boxes)
            {
                Assert.Equal(7, b.Label);
            }
            for (var y = 0; y < img.Height; y++)
            {
                for (var x = 0; x < img.Width; x++)
                {
                    if (img.Pixels[(y * img.Width + x) * 3] < 128)
                    {
                        continue;
                    }
                    red++;
                    Assert.True(result.Boxes.Count == 1, $"key {k}: red pixel at ({x},{y}) but the box was dropped");
                    var t = result.Boxes[0];
                    Assert.True(x + 0.5 >= t.X1 - 1 && x + 0.5 <= t.X2 + 1 && y + 0.5 >= t.Y1 - 1 && y + 0.5 <= t.Y2 + 1,
                        $"key {k}: red pixel ({x},{y}) outside box {t}");
                }
            }
            if (result.Boxes.Count == 1)
            {
                var t = result.Boxes[0];
                Assert.InRange(t.X1, 0, img.Width);
                Assert.InRange(t.X2, 0, img.Width);
                Assert.InRange(t.Y1, 0, img.Height);
                Assert.InRange(t.Y2, 0, img.Height);
            }
        }
    }

    [Fact]
    public void MaskAndKeypoints_FollowTheFlip()
    {
        var image = TestImages.Rgb(10, 6);
        var mask = new ImageBuffer(10, 6, 1);
        mask.Pixels[2 * 10 + 1] = 9; // (x=1, y=2)
        var sample = new AugmentSample(image) { Mask = mask, Keypoints = [new Keypoint(1.5f, 2.5f)] };
        var result = Compile("""{"horizontalFlip":{}}""").Run(sample, new SampleKey(0, 0, 0));
        Assert.Equal(9, result.Mask!.Pixels[2 * 10 + 8]);
        Assert.Equal(1, result.Mask.Pixels.Count(v => v != 0));
        Assert.Equal(new Keypoint(8.5f, 2.5f, true), result.Keypoints[0]);
    }

    [Fact]
    public void Mask_UsesNearestNeighbour_KeepsLabelValues()
    {
        var image = TestImages.Rgb(32, 32);
        var mask = new ImageBuffer(32, 32, 1);
        for (var i = 0; i < mask.Pixels.Length; i++)
        {
            mask.Pixels[i] = (byte)(i % 32 < 16 ? 3 : 200);
        }
        var result = Compile("""{"rotate":{"degrees":{"min":17,"max":17}}}""").Run(new AugmentSample(image) { Mask = mask }, new SampleKey(0, 0, 0));
        Assert.All(result.Mask!.Pixels, v => Assert.Contains(v, new byte[] { 0, 3, 200 }));
    }

    [Fact]
    public void Keypoint_LeavingTheImage_BecomesInvisible()
    {
        var sample = new AugmentSample(TestImages.Rgb(20, 20)) { Keypoints = [new Keypoint(1, 1), new Keypoint(10, 10)] };
        var result = Compile("""{"centerCrop":{"width":10,"height":10}}""").Run(sample, new SampleKey(0, 0, 0));
        Assert.False(result.Keypoints[0].Visible);
        Assert.True(result.Keypoints[1].Visible);
        Assert.Equal(new Keypoint(5, 5, true), result.Keypoints[1]);
    }

    [Fact]
    public void Boxes_BelowMinVisibility_AreDropped()
    {
        var sample = new AugmentSample(TestImages.Rgb(40, 40)) { Boxes = [new BoundingBox(0, 0, 10, 10, 1), new BoundingBox(15, 15, 25, 25, 2)] };
        var spec = SpecJson.Parse("""{"nodes":[{"centerCrop":{"width":24,"height":24}}],"boxes":{"minVisibility":0.5}}""");
        var result = PipelineCompiler.Compile(spec).Run(sample, new SampleKey(0, 0, 0));
        var box = Assert.Single(result.Boxes);
        Assert.Equal(new BoundingBox(7, 7, 17, 17, 2), box);
    }

    [Fact]
    public void Resize_ShorterSide_KeepsAspect()
    {
        var output = Compile("""{"resize":{"shorterSide":24}}""").Run(new AugmentSample(TestImages.Rgb(64, 48)), new SampleKey(0, 0, 0));
        Assert.Equal((32, 24), (output.Image.Width, output.Image.Height));
    }

    [Fact]
    public void Pipeline_Interpolation_NearestKeepsSourceValues()
    {
        var spec = SpecJson.Parse("""{"nodes":[{"rotate":{"degrees":{"min":10,"max":10}}}],"interpolation":"INTERPOLATION_NEAREST"}""");
        var image = TestImages.Rgb();
        var values = image.Pixels.ToHashSet();
        values.Add(0);
        var output = PipelineCompiler.Compile(spec).Run(new AugmentSample(image), new SampleKey(0, 0, 0));
        Assert.Equal(Interpolation.Nearest, spec.Interpolation);
        Assert.All(output.Image.Pixels, v => Assert.Contains(v, values));
    }
}
